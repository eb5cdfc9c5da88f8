package io.annualreport.system.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.annualreport.infra.Ports;

/**
 * The end-to-end benchmark: N reports of a text/PDF mix through the running pipeline ({@code ./pipeline up}), with
 * throughput, upload-to-verdict latency, CPU seconds per process, event sizes, and the in-process cost of the same
 * files (extraction, parse, validate in this JVM) as the limit. Run by hand, never as a test; see docs/bench-e2e.md.
 */
public final class PipelineBenchmark {

    private static final String API_KEY = "dev-key";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final Options options;
    private final Path root;
    private final Path home;
    private final Map<String, Integer> ports = new LinkedHashMap<>();

    private PipelineBenchmark(Options options) throws IOException {
        this.options = options;
        this.root = Path.of(System.getProperty("project.root", ".")).toAbsolutePath().normalize();
        if (!Files.isExecutable(root.resolve("pipeline"))) {
            throw new IllegalArgumentException("no ./pipeline in " + root + "; run from the checkout or set "
                    + "-Dproject.root");
        }
        this.home = options.home != null
                ? Path.of(options.home).toAbsolutePath()
                : root.resolve("system-tests/target/bench-e2e/" + Instant.now().toString().replace(':', '-'));
        Files.createDirectories(home);
        for (String c : List.of("ingest", "parse", "validate", "store", "kafka", "kafka-controller", "pg")) {
            String given = System.getenv(c.toUpperCase(Locale.ROOT).replace('-', '_') + "_PORT");
            ports.put(c, given != null ? Integer.parseInt(given) : options.attach ? defaultPort(c) : Ports.free());
        }
    }

    /** Options as {@code --name value} pairs (see {@link #main}). */
    static final class Options {
        int reports = 1000;
        double pdfShare = 0.25;
        int clients = 4;
        int warmup = 100;
        int idle = 20;
        int half = 300;
        int inProcessWarmups = 1;
        String home;
        boolean attach;
        boolean keep;
        String jfr;
        String label = "run";
        String serviceOpts;

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--attach" -> o.attach = true;
                    case "--keep" -> o.keep = true;
                    default -> {
                        if (i + 1 >= args.length) {
                            throw new IllegalArgumentException("missing value after " + a);
                        }
                        String v = args[++i];
                        switch (a) {
                            case "--reports" -> o.reports = Integer.parseInt(v);
                            case "--pdf-share" -> o.pdfShare = Double.parseDouble(v);
                            case "--clients" -> o.clients = Integer.parseInt(v);
                            case "--warmup" -> o.warmup = Integer.parseInt(v);
                            case "--idle" -> o.idle = Integer.parseInt(v);
                            case "--half" -> o.half = Integer.parseInt(v);
                            case "--in-process-warmups" -> o.inProcessWarmups = Integer.parseInt(v);
                            case "--home" -> o.home = v;
                            case "--jfr" -> o.jfr = v;
                            case "--label" -> o.label = v;
                            case "--service-opts" -> o.serviceOpts = v;
                            default -> throw new IllegalArgumentException("unknown option " + a);
                        }
                    }
                }
            }
            return o;
        }
    }

    /**
     * Runs the benchmark. Options: {@code --reports N} (1000), {@code --pdf-share F} (0.25), {@code --clients C}
     * (4 concurrent uploaders), {@code --warmup N} (100 unmeasured reports first), {@code --idle N} (20 PDFs one at a
     * time on the idle pipeline), {@code --half N} (300 reports paced at half the measured throughput),
     * {@code --home DIR} (PIPELINE_HOME; a fresh one below system-tests/target by default), {@code --attach} (use
     * the pipeline already running in --home on the ports of the environment instead of starting one),
     * {@code --keep} (leave it running), {@code --jfr DIR} (record every JVM of the pipeline with JFR during the
     * load phase), {@code --label NAME}, {@code --service-opts "-Dkey=value …"} (JAVA_TOOL_OPTIONS for every JVM
     * that {@code ./pipeline up} starts: a setting tried without a rebuild, e.g.
     * {@code -Dmp.messaging.outgoing.parsed.compression.type=lz4}).
     */
    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        new PipelineBenchmark(options).run();
        System.exit(0);
    }

    private void run() throws Exception {
        System.out.printf("pipeline home %s%n", home);
        if (!options.attach) {
            pipeline("up");
        }
        try {
            Map<String, Long> pids = pids();
            System.out.printf("pids %s%n", pids);
            String ingest = "http://127.0.0.1:" + ports.get("ingest");
            String store = "http://127.0.0.1:" + ports.get("store");
            List<Workload.Item> load = Workload.build(root, options.reports, options.pdfShare, 2, "load");
            Map<String, Object> results = new LinkedHashMap<>();
            results.put("label", options.label);
            results.put("reports", options.reports);
            results.put("pdfShare", options.pdfShare);
            results.put("serviceOpts", options.serviceOpts);
            try (VerdictStream verdicts = new VerdictStream(HTTP, store)) {
                if (options.warmup > 0) {
                    List<Workload.Item> warm = Workload.build(root, options.warmup, options.pdfShare, 1, "warm");
                    Phase p = push(ingest, warm, verdicts, options.clients, 0);
                    System.out.printf("warm-up: %d reports, %.1f reports/s%n", warm.size(), p.throughput());
                }
                Phase idle = idle(ingest, verdicts);
                results.put("idlePdf", idle.summary());
                System.out.printf("idle born-digital PDF, one at a time (%d): %s%n", idle.items.size(),
                        idle.latencyLine());

                double[] load0 = loadAverage();
                Map<String, Double> cpu0 = cpu(pids);
                if (options.jfr != null) {
                    jfr(pids, "start");
                }
                Phase loaded = push(ingest, load, verdicts, options.clients, 0);
                Map<String, Double> cpu1 = cpu(pids);
                double[] load1 = loadAverage();
                if (options.jfr != null) {
                    jfr(pids, "stop");
                }
                Map<String, Double> cpu = new LinkedHashMap<>();
                cpu1.forEach((k, v) -> cpu.put(k, v - cpu0.get(k)));
                double pipelineCpu = cpu.entrySet().stream().filter(e -> !e.getKey().equals("harness"))
                        .mapToDouble(Map.Entry::getValue).sum();
                results.put("load", loaded.summary());
                results.put("cpuSeconds", cpu);
                results.put("pipelineCpuSeconds", pipelineCpu);
                results.put("pipelineCpuMsPerReport", pipelineCpu * 1000 / load.size());
                results.put("loadAverage", Map.of("before", load0, "after", load1));
                System.out.printf("load (%d reports, %d clients): %.1f reports/s, %s%n", load.size(),
                        options.clients, loaded.throughput(), loaded.latencyLine());
                System.out.printf("outcomes: %s%n", loaded.verdictCounts());
                System.out.printf("CPU seconds during the load phase: %s%n", format(cpu));
                System.out.printf("pipeline CPU: %.1f s = %.1f ms per report%n", pipelineCpu,
                        pipelineCpu * 1000 / load.size());
                System.out.printf("load average (1, 5, 15 min) before %s after %s%n", Arrays.toString(load0),
                        Arrays.toString(load1));

                if (options.half > 0) {
                    double rate = loaded.throughput() / 2;
                    List<Workload.Item> halfItems = Workload.build(root, options.half, options.pdfShare, 3, "half");
                    Phase half = push(ingest, halfItems, verdicts, options.clients, rate);
                    results.put("halfRate", half.summary());
                    System.out.printf(
                            "at half the throughput (%.1f reports/s offered, %d reports): %.1f reports/s, %s%n",
                            rate, halfItems.size(), half.throughput(), half.latencyLine());
                }
            }
            Map<String, EventSizes.TopicSizes> sizes = EventSizes.measure("127.0.0.1:" + ports.get("kafka"),
                    home.resolve("kafka"));
            results.put("eventSizes", sizes);
            sizes.forEach((topic, s) -> {
                System.out.printf("%-18s %s%n", topic, s.line());
                s.codecs().values().forEach(c -> System.out.printf("    %s%n", c.line()));
            });
            if (!options.attach && !options.keep) {
                pipeline("down");
            }
            InProcessLimit.Result limit = new InProcessLimit().measure(load, home.resolve("in-process"),
                    options.inProcessWarmups);
            results.put("inProcess", limit);
            double ratio = (double) results.get("pipelineCpuSeconds") / limit.cpuSeconds();
            results.put("ratio", ratio);
            System.out.printf("in-process extraction + parse + validate of the same %d files in one warm JVM: "
                    + "%.1f CPU s (%.2f ms per file), %.1f s wall, %d failed%n", limit.files(), limit.cpuSeconds(),
                    limit.cpuMsPerFile(), limit.wallSeconds(), limit.failed());
            System.out.printf("RATIO end-to-end CPU / in-process CPU = %.2f%n", ratio);
            Path out = home.resolve("result-" + options.label + ".json");
            Files.writeString(out, new com.fasterxml.jackson.databind.ObjectMapper()
                    .writerWithDefaultPrettyPrinter().writeValueAsString(results));
            System.out.printf("results in %s%n", out);
        } finally {
            if (!options.attach && !options.keep) {
                pipeline("down");
            }
        }
    }

    /** The measured upload and outcome times of a batch of reports. */
    private record Phase(List<Workload.Item> items, Map<String, Long> sent, VerdictStream verdicts, long started) {

        long last() {
            return items.stream().mapToLong(i -> verdicts.outcome(i.reportId()).nanos()).max().orElse(started);
        }

        double throughput() {
            return items.size() / ((last() - started) / 1e9);
        }

        double[] latenciesMs() {
            return items.stream()
                    .mapToDouble(i -> (verdicts.outcome(i.reportId()).nanos() - sent.get(i.reportId())) / 1e6)
                    .sorted().toArray();
        }

        String latencyLine() {
            double[] l = latenciesMs();
            return String.format(Locale.ROOT,
                    "latency upload→verdict p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms",
                    pct(l, 50), pct(l, 95), pct(l, 99), l[l.length - 1]);
        }

        Map<String, Long> verdictCounts() {
            Map<String, Long> counts = new java.util.TreeMap<>();
            for (Workload.Item i : items) {
                VerdictStream.Outcome o = verdicts.outcome(i.reportId());
                counts.merge(o.type().equals("failed") ? "FAILED" : o.verdict(), 1L, Long::sum);
            }
            return counts;
        }

        Map<String, Object> summary() {
            double[] l = latenciesMs();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("reports", items.size());
            m.put("seconds", (last() - started) / 1e9);
            m.put("reportsPerSecond", throughput());
            m.put("p50Ms", pct(l, 50));
            m.put("p95Ms", pct(l, 95));
            m.put("p99Ms", pct(l, 99));
            m.put("maxMs", l[l.length - 1]);
            m.put("outcomes", verdictCounts());
            return m;
        }
    }

    static double pct(double[] sorted, double p) {
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** Uploads the items with {@code clients} uploaders (paced at {@code rate} per second when > 0) and waits. */
    private Phase push(String ingest, List<Workload.Item> items, VerdictStream verdicts, int clients, double rate)
            throws Exception {
        Map<String, Long> sent = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<java.util.concurrent.Future<?>> done = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            done.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < items.size(); i = next.getAndIncrement()) {
                    if (rate > 0) {
                        long due = started + (long) (i * 1e9 / rate);
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                        }
                    }
                    Workload.Item item = items.get(i);
                    sent.put(item.reportId(), System.nanoTime());
                    upload(ingest, item);
                }
                return null;
            }));
        }
        for (var f : done) {
            f.get();
        }
        pool.shutdown();
        long missing = verdicts.await(items.stream().map(Workload.Item::reportId).toList(), Duration.ofMinutes(20));
        if (missing > 0) {
            throw new IllegalStateException(missing + " reports got no verdict within 20 minutes");
        }
        return new Phase(items, sent, verdicts, started);
    }

    /** Born-digital PDFs one at a time on the otherwise idle pipeline, each after the previous one's verdict. */
    private Phase idle(String ingest, VerdictStream verdicts) throws Exception {
        List<Workload.Item> pdfs = Workload.pdfs(root, options.idle, "idle");
        Map<String, Long> sent = new ConcurrentHashMap<>();
        long started = System.nanoTime();
        double[] answered = new double[pdfs.size()];
        int n = 0;
        for (Workload.Item item : pdfs) {
            Thread.sleep(300);
            long t0 = System.nanoTime();
            sent.put(item.reportId(), t0);
            upload(ingest, item);
            answered[n++] = (System.nanoTime() - t0) / 1e6;
            if (verdicts.await(List.of(item.reportId()), Duration.ofMinutes(2)) > 0) {
                throw new IllegalStateException("no verdict for " + item.name() + " within 2 minutes");
            }
        }
        java.util.Arrays.sort(answered);
        // the first hop alone: multipart upload, type sniffing, the blob's fsync and the submitted event (acks=all)
        System.out.printf(Locale.ROOT, "idle upload answered 202 after p50 %.0f ms, p95 %.0f ms, max %.0f ms%n",
                pct(answered, 50), pct(answered, 95), answered[answered.length - 1]);
        return new Phase(pdfs, sent, verdicts, started);
    }

    private static void upload(String ingest, Workload.Item item) throws IOException, InterruptedException {
        String boundary = "bench" + Long.toHexString(System.nanoTime());
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + item.name() + "\"\r\nContent-Type: " + item.mediaType() + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + item.bytes().length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(item.bytes(), 0, body, head.length, item.bytes().length);
        System.arraycopy(tail, 0, body, head.length + item.bytes().length, tail.length);
        HttpRequest request = HttpRequest.newBuilder(URI.create(ingest + "/api/v1/reports"))
                .header("X-Api-Key", API_KEY).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        for (int attempt = 0;; attempt++) {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 202) {
                return;
            }
            if ((response.statusCode() == 429 || response.statusCode() == 503) && attempt < 200) {
                Thread.sleep(50);
                continue;
            }
            throw new IllegalStateException("upload of " + item.name() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
    }

    /** CPU seconds of every process of the pipeline and of this harness. */
    private Map<String, Double> cpu(Map<String, Long> pids) {
        Map<String, Double> cpu = new LinkedHashMap<>();
        for (var e : pids.entrySet()) {
            if (e.getKey().equals("postgres")) {
                // the Java launcher only waits; pg_ctl starts the postmaster as a daemon (not the launcher's child):
                // the server is the postmaster of postmaster.pid with its backends and exited children
                cpu.put("postgres", ProcessCpu.seconds(postmaster()));
                cpu.put("postgres-launcher", ProcessCpu.seconds(e.getValue()));
            } else {
                cpu.put(e.getKey(), ProcessCpu.seconds(e.getValue()));
            }
        }
        cpu.put("harness", ProcessCpu.seconds(ProcessHandle.current().pid()));
        return cpu;
    }

    private long postmaster() {
        try {
            return Long.parseLong(Files.readAllLines(home.resolve("postgres/data/postmaster.pid")).get(0).trim());
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("no PostgreSQL postmaster.pid below " + home, e);
        }
    }

    private Map<String, Long> pids() throws IOException {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (String c : List.of("kafka", "postgres", "ingest", "parse", "validate", "store")) {
            Path file = home.resolve("pids/" + c + ".pid");
            if (!Files.exists(file)) {
                throw new IllegalStateException("no pid file " + file + ": is the pipeline running in " + home + "?");
            }
            pids.put(c, Long.parseLong(Files.readString(file).trim()));
        }
        return pids;
    }

    private void jfr(Map<String, Long> pids, String action) throws IOException, InterruptedException {
        Path dir = Path.of(options.jfr).toAbsolutePath();
        Files.createDirectories(dir);
        for (var e : pids.entrySet()) {
            if (e.getKey().equals("postgres")) {
                continue;
            }
            List<String> command = new ArrayList<>(List.of("jcmd", e.getValue().toString()));
            if (action.equals("start")) {
                command.addAll(List.of("JFR.start", "name=bench", "settings=profile",
                        "filename=" + dir.resolve(e.getKey() + "-" + options.label + ".jfr")));
            } else {
                command.addAll(List.of("JFR.stop", "name=bench"));
            }
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                System.err.println("jcmd failed: " + out);
            }
        }
    }

    private void pipeline(String command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(root.resolve("pipeline").toString(), command)
                .directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("pipeline-cli.log").toFile()));
        Map<String, String> env = builder.environment();
        env.put("PIPELINE_HOME", home.toString());
        env.put("INGEST_PORT", ports.get("ingest").toString());
        env.put("PARSE_PORT", ports.get("parse").toString());
        env.put("VALIDATE_PORT", ports.get("validate").toString());
        env.put("STORE_PORT", ports.get("store").toString());
        env.put("KAFKA_PORT", ports.get("kafka").toString());
        env.put("KAFKA_CONTROLLER_PORT", ports.get("kafka-controller").toString());
        env.put("PG_PORT", ports.get("pg").toString());
        if (options.serviceOpts != null) {
            env.put("JAVA_TOOL_OPTIONS", options.serviceOpts);
        }
        Process p = builder.start();
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException(
                    "./pipeline " + command + " failed; see " + home.resolve("pipeline-cli.log"));
        }
    }

    private static int defaultPort(String component) {
        return switch (component) {
            case "ingest" -> 8081;
            case "parse" -> 8082;
            case "validate" -> 8083;
            case "store" -> 8084;
            case "kafka" -> 19092;
            case "kafka-controller" -> 19093;
            default -> 55432;
        };
    }

    private static double[] loadAverage() throws IOException {
        String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
        return new double[]{Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])};
    }

    private static String format(Map<String, Double> cpu) {
        StringBuilder s = new StringBuilder();
        cpu.forEach((k, v) -> s.append(String.format(Locale.ROOT, "%s %.1f  ", k, v)));
        return s.toString().trim();
    }
}

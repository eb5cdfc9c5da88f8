package io.annualreport.ingest.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load harness (a benchmark, not a test) for a running ingest-service: uploads N distinct report-sized text files with
 * C concurrent clients and prints uploads/s, latency percentiles and the service's memory every 1,000 uploads, next to a
 * baseline of the same harness against {@code /q/health/live}. The clients speak HTTP/1.1 over plain keep-alive sockets
 * with prebuilt request bytes, so that the load generator, which shares the machine's cores with the service, costs
 * little CPU (the JDK HttpClient spent about 2.5 ms of CPU per 300 KB upload). Run with {@code java -cp ingest-service/target/test-classes
 * io.annualreport.ingest.bench.IngestLoadHarness [url] [count] [concurrency] [bytes] [pid]}.
 */
public final class IngestLoadHarness {

    private static final String BOUNDARY = "----ingest-load-harness";

    private final String baseUrl;
    private final URI base;
    private final ThreadLocal<RawHttpConnection> connections = new ThreadLocal<>();
    private final int count;
    private final int concurrency;
    private final int bytes;
    private final long pid;

    private IngestLoadHarness(String baseUrl, int count, int concurrency, int bytes, long pid) {
        this.baseUrl = baseUrl;
        this.base = URI.create(baseUrl);
        this.count = count;
        this.concurrency = concurrency;
        this.bytes = bytes;
        this.pid = pid;
    }

    public static void main(String[] args) throws Exception {
        String url = args.length > 0 ? args[0] : "http://127.0.0.1:8081";
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        int bytes = args.length > 3 ? Integer.parseInt(args[3]) : 300 * 1024;
        long pid = args.length > 4 ? Long.parseLong(args[4]) : -1;
        IngestLoadHarness harness = new IngestLoadHarness(url, count, concurrency, bytes, pid);
        System.out.printf(Locale.ROOT, "ingest load: %d uploads of %d bytes, %d clients, against %s%n", count, bytes,
                concurrency, url);
        Result baseline = harness.run("baseline GET /q/health/live", i -> harness.health());
        Result uploads = harness.run("POST /api/v1/reports", harness::upload);
        System.out.println();
        System.out.println(baseline);
        System.out.println(uploads);
    }

    /** One measured phase. */
    private record Result(String name, int ok, int failed, double seconds, long[] latenciesMicros) {

        @Override
        public String toString() {
            long[] l = latenciesMicros;
            return String.format(Locale.ROOT,
                    "%-30s ok=%d failed=%d  %.1f req/s  p50=%.1f ms  p99=%.1f ms  p99.9=%.1f ms  max=%.1f ms", name,
                    ok, failed, ok / seconds, pct(l, 50), pct(l, 99), pct(l, 99.9), l.length == 0
                            ? 0
                            : l[l.length - 1]
                                    / 1000.0);
        }

        private static double pct(long[] sorted, double p) {
            if (sorted.length == 0) {
                return 0;
            }
            int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1000.0;
        }
    }

    /** One request; returns its HTTP status. */
    private interface Call {
        int call(int i) throws Exception;
    }

    private Result run(String name, Call call) throws Exception {
        for (int i = 0; i < Math.min(200, count); i++) {
            call.call(-1 - i); // warm-up, not measured
        }
        long[] latencies = new long[count];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicLong done = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            workers.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < count) {
                    long t0 = System.nanoTime();
                    int status;
                    try {
                        status = call.call(i);
                    } catch (Exception e) {
                        status = -1;
                    }
                    latencies[i] = (System.nanoTime() - t0) / 1000;
                    if (status != 202 && status != 200) {
                        failed.incrementAndGet();
                    }
                    long d = done.incrementAndGet();
                    if (d % 1000 == 0) {
                        System.out.printf(Locale.ROOT, "  %s: %d done, %.0f/s, service %s%n", name, d,
                                d / ((System.nanoTime() - start) / 1e9), memory());
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : workers) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        Arrays.sort(latencies);
        return new Result(name, count - failed.get(), failed.get(), seconds, latencies);
    }

    private int health() throws IOException {
        byte[] request = ("GET /q/health/live HTTP/1.1\r\nHost: " + base.getAuthority() + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        return connection().exchange(request);
    }

    private int upload(int i) throws IOException {
        byte[] body = body(i);
        byte[] head = ("POST /api/v1/reports HTTP/1.1\r\nHost: " + base.getAuthority() + "\r\nX-Api-Key: dev-key\r\n"
                + "Content-Type: multipart/form-data; boundary=" + BOUNDARY + "\r\nContent-Length: " + body.length
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] request = Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, request, head.length, body.length);
        return connection().exchange(request);
    }

    /** This client thread's keep-alive connection, opened on first use and after a failure. */
    private RawHttpConnection connection() throws IOException {
        RawHttpConnection connection = connections.get();
        if (connection == null || connection.isClosed()) {
            connection = new RawHttpConnection(base.getHost(), base.getPort() < 0 ? 80 : base.getPort());
            connections.set(connection);
        }
        return connection;
    }

    /** A file-sized body whose bytes start with a token unique to this upload (every upload is a new report id). */
    private byte[] body(int i) {
        byte[] template = TEMPLATES.computeIfAbsent(bytes, IngestLoadHarness::template);
        byte[] body = template.clone();
        byte[] unique = String.format(Locale.ROOT, "%019d-%019d-%08d\n", System.nanoTime(),
                ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, i & 0x7fffffff)
                .getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(unique, 0, body, TEMPLATE_TEXT_OFFSET, unique.length);
        return body;
    }

    private static final java.util.Map<Integer, byte[]> TEMPLATES = new java.util.concurrent.ConcurrentHashMap<>();
    private static final String PART_HEAD = "--" + BOUNDARY
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"load.txt\"\r\nContent-Type: text/plain\r\n\r\n";
    private static final int TEMPLATE_TEXT_OFFSET = PART_HEAD.getBytes(StandardCharsets.US_ASCII).length;

    /** A multipart body with one report-like text file of {@code size} bytes. */
    private static byte[] template(int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(size + 512);
        out.writeBytes(PART_HEAD.getBytes(StandardCharsets.US_ASCII));
        byte[] text = new byte[size];
        byte[] line = "一、总体情况 本年度共收到政府信息公开申请 12 件。\n".getBytes(StandardCharsets.UTF_8);
        for (int p = 0; p < size; p++) {
            text[p] = line[p % line.length];
        }
        out.writeBytes(text);
        out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** The service's resident memory from /proc (when its pid was given), else empty. */
    private String memory() {
        if (pid <= 0) {
            return "";
        }
        try {
            for (String l : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (l.startsWith("VmRSS:")) {
                    return "RSS " + l.substring(6).strip();
                }
            }
        } catch (IOException e) {
            return "RSS ?";
        }
        return "";
    }
}

package io.annualreport.ingest.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load harness (a benchmark, not a test) for a running ingest-service: uploads N distinct report-sized text files with
 * C concurrent clients and prints uploads/s, latency percentiles and the service's memory every 1,000 uploads, next to a
 * baseline of the same harness against {@code /q/health/live}. Run with {@code java -cp ingest-service/target/test-classes
 * io.annualreport.ingest.bench.IngestLoadHarness [url] [count] [concurrency] [bytes] [pid]}.
 */
public final class IngestLoadHarness {

    private static final String BOUNDARY = "----ingest-load-harness";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String baseUrl;
    private final int count;
    private final int concurrency;
    private final int bytes;
    private final long pid;

    private IngestLoadHarness(String baseUrl, int count, int concurrency, int bytes, long pid) {
        this.baseUrl = baseUrl;
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

    private int health() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/q/health/live"))
                .timeout(Duration.ofSeconds(30)).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private int upload(int i) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/reports"))
                .timeout(Duration.ofSeconds(30)).header("X-Api-Key", "dev-key")
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body(i))).build();
        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
        return response.statusCode();
    }

    /** A distinct report-like text file per index (distinct bytes, so every upload is a new report id). */
    private byte[] body(int i) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes + 512);
        out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"load-" + i
                + ".txt\"\r\nContent-Type: text/plain\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        byte[] text = new byte[bytes];
        byte[] line = ("一、总体情况 本年度共收到政府信息公开申请 " + i + " 件。\n").getBytes(StandardCharsets.UTF_8);
        for (int p = 0; p < bytes; p++) {
            text[p] = line[p % line.length];
        }
        byte[] unique = (System.nanoTime() + "-" + new Random().nextLong() + "\n").getBytes(StandardCharsets.UTF_8);
        System.arraycopy(unique, 0, text, 0, Math.min(unique.length, text.length));
        out.writeBytes(text);
        out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
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

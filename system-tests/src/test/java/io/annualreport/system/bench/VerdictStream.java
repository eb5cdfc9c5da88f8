package io.annualreport.system.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Listens to store-service's Server-Sent Events ({@code /api/v1/events}) and notes when the first verdict (or
 * failure) of each report arrives, in {@link System#nanoTime()}.
 */
final class VerdictStream implements AutoCloseable {

    /** When a report's outcome arrived and what it was. */
    record Outcome(long nanos, String type, String verdict) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Outcome> outcomes = new ConcurrentHashMap<>();
    private final CountDownLatch connected = new CountDownLatch(1);
    private final Thread reader;
    private volatile Stream<String> lines;

    VerdictStream(HttpClient http, String storeUrl) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(storeUrl + "/api/v1/events"))
                .header("Accept", "text/event-stream").GET().build();
        reader = new Thread(() -> read(http, request), "sse-reader");
        reader.setDaemon(true);
        reader.start();
        if (!connected.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("no 'connected' event from " + storeUrl + "/api/v1/events in 30 s");
        }
    }

    private void read(HttpClient http, HttpRequest request) {
        try {
            HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
            lines = response.body();
            lines.forEach(this::line);
        } catch (IOException | InterruptedException | RuntimeException e) {
            if (!Thread.currentThread().isInterrupted()) {
                System.err.println("SSE stream ended: " + e);
            }
        }
    }

    private void line(String line) {
        if (!line.startsWith("data:")) {
            return;
        }
        long now = System.nanoTime();
        try {
            JsonNode event = JSON.readTree(line.substring(5).trim());
            String type = event.path("type").asText();
            if (type.equals("connected")) {
                connected.countDown();
            } else if (type.equals("validated") || type.equals("failed")) {
                outcomes.putIfAbsent(event.path("reportId").asText(),
                        new Outcome(now, type, event.path("verdict").asText(null)));
            }
        } catch (IOException e) {
            System.err.println("unreadable SSE data: " + line);
        }
    }

    /** The outcome of a report, or null while it has none. */
    Outcome outcome(String reportId) {
        return outcomes.get(reportId);
    }

    /** Waits until every report has an outcome or the timeout passes; returns how many are still missing. */
    long await(Iterable<String> reportIds, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long missing = 0;
            for (String id : reportIds) {
                if (!outcomes.containsKey(id)) {
                    missing++;
                }
            }
            if (missing == 0 || System.nanoTime() > deadline) {
                return missing;
            }
            Thread.sleep(missing > 1 ? 20 : 1);
        }
    }

    @Override
    public void close() {
        reader.interrupt();
        Stream<String> l = lines;
        if (l != null) {
            l.close();
        }
    }
}

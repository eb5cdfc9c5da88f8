package io.annualreport.cli;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Waits until reports are VALIDATED or FAILED: told by the store's event stream, and polling the store only while the
 * stream is unavailable. Open it before uploading so that no event is missed.
 */
final class ResultWaiter implements AutoCloseable {

    private static final Set<String> TERMINAL = Set.of("VALIDATED", "FAILED");

    private final PipelineClient client;
    private final Duration pollInterval;
    private EventStream stream;

    private ResultWaiter(PipelineClient client, EventStream stream, Duration pollInterval) {
        this.client = client;
        this.stream = stream;
        this.pollInterval = pollInterval;
    }

    /** Connects to the event stream (when the store has one). */
    static ResultWaiter open(PipelineClient client, Duration pollInterval) throws InterruptedException {
        return new ResultWaiter(client, EventStream.open(client, Duration.ofSeconds(10)).orElse(null), pollInterval);
    }

    /** Whether results come from the event stream (false: polling). */
    boolean streaming() {
        return stream != null && !stream.ended();
    }

    /**
     * The finished reports among the ids, each as the store details it; ids without a result within the limit are
     * missing from the map.
     *
     * @param onResult called with each finished report as it arrives, with the number finished so far
     * @throws PipelineException when the store cannot be reached or refuses at the start
     */
    Map<String, JsonNode> await(Collection<String> ids, Duration limit, BiConsumer<JsonNode, Integer> onResult)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        Set<String> pending = new LinkedHashSet<>(ids);
        Map<String, JsonNode> results = new LinkedHashMap<>();
        // Reports finished before the stream was opened (uploaded earlier) send no further event: ask once.
        for (String id : ids) {
            check(id, pending, results, onResult);
        }
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            Duration left = Duration.ofNanos(deadline - System.nanoTime());
            if (streaming()) {
                JsonNode event = stream.next(left.compareTo(Duration.ofSeconds(1)) < 0 ? left : Duration.ofSeconds(1));
                String id = event == null ? null : event.path("reportId").asText(null);
                if (id != null && pending.contains(id)) {
                    checkQuietly(id, pending, results, onResult);
                }
            } else {
                for (String id : Set.copyOf(pending)) {
                    checkQuietly(id, pending, results, onResult);
                }
                if (!pending.isEmpty()) {
                    Thread.sleep(Math.min(pollInterval.toMillis(), Math.max(1, left.toMillis())));
                }
            }
        }
        return results;
    }

    private void check(String id, Set<String> pending, Map<String, JsonNode> results,
            BiConsumer<JsonNode, Integer> onResult) throws InterruptedException {
        Optional<JsonNode> report = client.report(id);
        if (report.isPresent() && TERMINAL.contains(report.get().path("status").asText())) {
            pending.remove(id);
            results.put(id, report.get());
            onResult.accept(report.get(), results.size());
        }
    }

    /** As {@link #check}, but a passing store error is retried later instead of ending the wait. */
    private void checkQuietly(String id, Set<String> pending, Map<String, JsonNode> results,
            BiConsumer<JsonNode, Integer> onResult) throws InterruptedException {
        try {
            check(id, pending, results, onResult);
        } catch (PipelineException e) {
            if (streaming()) {
                // asked because of an event and could not read it: poll from now on
                stream.close();
            }
        }
    }

    @Override
    public void close() {
        if (stream != null) {
            stream.close();
        }
    }
}

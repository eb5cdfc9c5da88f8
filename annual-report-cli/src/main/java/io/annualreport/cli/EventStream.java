package io.annualreport.cli;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The store's live events (Server-Sent Events, one JSON object per {@code data:} field), read on a background thread
 * into a queue. The store sends {@code {"type":"connected"}} once it has subscribed: events stored after that are not
 * missed.
 */
final class EventStream implements AutoCloseable {

    /** Put on the queue when the stream ends, so a reader waiting on it wakes up. */
    private static final JsonNode END = PipelineClient.JSON.createObjectNode().put("type", "end");

    private final HttpResponse<Stream<String>> response;
    private final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
    private final CountDownLatch connected = new CountDownLatch(1);
    private volatile boolean ended;

    private EventStream(HttpResponse<Stream<String>> response) {
        this.response = response;
        Thread reader = new Thread(this::read, "annual-report-events");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Connects and waits until the store says it is subscribed.
     *
     * @return the stream, or empty when the store has none or does not confirm within the wait
     */
    static Optional<EventStream> open(PipelineClient client, Duration wait) throws InterruptedException {
        Optional<HttpResponse<Stream<String>>> response = client.events();
        if (response.isEmpty()) {
            return Optional.empty();
        }
        EventStream stream = new EventStream(response.get());
        if (!stream.connected.await(wait.toMillis(), TimeUnit.MILLISECONDS) || stream.ended) {
            stream.close();
            return Optional.empty();
        }
        return Optional.of(stream);
    }

    /** The next event, or null when none came within the wait or the stream has ended. */
    JsonNode next(Duration wait) throws InterruptedException {
        if (ended && events.isEmpty()) {
            return null;
        }
        JsonNode event = events.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        return event == END ? null : event;
    }

    /** Whether the store closed the stream or it broke. */
    boolean ended() {
        return ended && events.isEmpty();
    }

    private void read() {
        StringBuilder data = new StringBuilder();
        try (Stream<String> lines = response.body()) {
            Iterator<String> it = lines.iterator();
            while (it.hasNext()) {
                String line = it.next();
                if (line.isEmpty()) {
                    dispatch(data);
                    data.setLength(0);
                } else if (line.startsWith("data:")) {
                    String value = line.substring(5);
                    data.append(data.isEmpty() ? "" : "\n").append(value.startsWith(" ") ? value.substring(1) : value);
                }
                // comments (":…"), event names, ids and retry hints are not needed
            }
            dispatch(data);
        } catch (RuntimeException e) {
            // the stream broke or was closed (UncheckedIOException and the like): the waiter falls back to polling
        } finally {
            ended = true;
            events.add(END);
            connected.countDown();
        }
    }

    private void dispatch(StringBuilder data) {
        if (data.isEmpty()) {
            return;
        }
        JsonNode event = PipelineClient.json(data.toString());
        if ("connected".equals(event.path("type").asText())) {
            connected.countDown();
        } else {
            events.add(event);
        }
    }

    @Override
    public void close() {
        ended = true;
        response.body().close();
    }
}

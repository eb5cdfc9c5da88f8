package io.annualreport.store.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Channel;

import io.annualreport.model.event.ReportSubmittedEvent;
import io.annualreport.service.messaging.EventMessages;
import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.MutinyEmitter;

/** Publishes fresh submitted events on {@code reports.submitted}, so that the pipeline processes reports again. */
@ApplicationScoped
public class ResubmitPublisher {

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    @Inject
    @Channel("resubmit")
    MutinyEmitter<String> emitter;

    /** Publishes the events, keyed by report id, and returns once the broker acknowledged all of them. */
    public void publish(List<ReportSubmittedEvent> events) {
        List<CompletableFuture<Void>> acks = new ArrayList<>();
        for (ReportSubmittedEvent event : events) {
            acks.add(emitter.sendMessage(EventMessages.keyed(event)).subscribeAsCompletionStage());
            Log.infof("reportId=%s resubmitted as event %s", event.reportId(), event.eventId());
        }
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                    .get(ACK_TIMEOUT.toMillis() + events.size(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the broker did not acknowledge the resubmitted events", e);
        }
    }

    /**
     * Publishes a bounded batch (at most the emitter's buffer, so it never overflows) and waits for every
     * acknowledgement; answers, per event id, the error the broker answered for it (empty when all were acknowledged).
     * Throws when the acknowledgements do not all arrive within {@code timeout} (the broker is away).
     */
    public Map<UUID, Throwable> publishBatch(List<ReportSubmittedEvent> events, Duration timeout)
            throws InterruptedException, TimeoutException {
        Map<UUID, CompletableFuture<Void>> acks = new LinkedHashMap<>();
        for (ReportSubmittedEvent event : events) {
            acks.put(event.eventId(), emitter.sendMessage(EventMessages.keyed(event)).subscribeAsCompletionStage());
        }
        try {
            CompletableFuture.allOf(acks.values().toArray(CompletableFuture[]::new)).exceptionally(e -> null)
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            // not reached: failures are collected per event below
        }
        Map<UUID, Throwable> failures = new LinkedHashMap<>();
        for (Map.Entry<UUID, CompletableFuture<Void>> ack : acks.entrySet()) {
            if (!ack.getValue().isDone()) {
                throw new TimeoutException("the broker did not acknowledge event " + ack.getKey());
            }
            if (ack.getValue().isCompletedExceptionally()) {
                try {
                    ack.getValue().join();
                } catch (CompletionException | CancellationException e) {
                    failures.put(ack.getKey(), e.getCause() != null ? e.getCause() : e);
                }
            }
        }
        return failures;
    }
}

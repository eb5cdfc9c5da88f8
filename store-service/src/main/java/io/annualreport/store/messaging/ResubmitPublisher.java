package io.annualreport.store.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

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
}

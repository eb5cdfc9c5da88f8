package io.annualreport.parse.messaging;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;

import io.annualreport.model.event.ReportEvent;
import io.annualreport.model.event.ReportFailedEvent;
import io.annualreport.service.messaging.EventMessages;
import io.smallrye.reactive.messaging.MutinyEmitter;

/** Publishes the parse stage's outcome, keyed by report id, and waits for the broker's acknowledgement. */
@ApplicationScoped
public class EventPublisher {

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(60);

    private final MutinyEmitter<String> parsed;
    private final MutinyEmitter<String> failed;

    public EventPublisher(@Channel("parsed") MutinyEmitter<String> parsed,
            @Channel("failed") MutinyEmitter<String> failed) {
        this.parsed = parsed;
        this.failed = failed;
    }

    /** Sends a parsed event to reports.parsed, a failed event to reports.failed. */
    public void publish(ReportEvent event) {
        MutinyEmitter<String> target = event instanceof ReportFailedEvent ? failed : parsed;
        target.sendMessage(EventMessages.keyed(event)).await().atMost(ACK_TIMEOUT);
    }
}

package io.annualreport.ingest.messaging;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;

import io.annualreport.model.event.ReportSubmittedEvent;
import io.annualreport.service.messaging.EventMessages;
import io.smallrye.reactive.messaging.MutinyEmitter;

/** Publishes submissions on {@code reports.submitted} and waits for the broker's acknowledgement. */
@ApplicationScoped
public class SubmissionPublisher {

    private final MutinyEmitter<String> emitter;

    public SubmissionPublisher(@Channel("submitted") MutinyEmitter<String> emitter) {
        this.emitter = emitter;
    }

    /**
     * Sends the event keyed by its report id and blocks until the broker acknowledged it (acks=all).
     *
     * @throws RuntimeException when the broker did not acknowledge within the timeout
     */
    public void publish(ReportSubmittedEvent event, Duration timeout) {
        emitter.sendMessage(EventMessages.keyed(event)).await().atMost(timeout);
    }
}

package io.annualreport.ingest.messaging;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.annualreport.model.event.EventCodec;
import io.annualreport.model.event.ReportSubmittedEvent;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

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
        Message<String> message = Message.of(EventCodec.encode(event))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(event.reportId()).build());
        emitter.sendMessage(message).await().atMost(timeout);
    }
}

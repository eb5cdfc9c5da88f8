package io.annualreport.service.messaging;

import java.net.URI;
import java.time.ZoneOffset;

import org.eclipse.microprofile.reactive.messaging.Message;

import io.annualreport.model.event.EventCodec;
import io.annualreport.model.event.ReportEvent;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Builds the Kafka message of a pipeline event: the event as JSON, keyed by its report id, so that all events of one
 * report land on one partition in order.
 */
public final class EventMessages {

    private EventMessages() {
    }

    /** The event as a message keyed by its report id. */
    public static Message<String> keyed(ReportEvent event) {
        return Message.of(EventCodec.encode(event))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(event.reportId()).build());
    }

    /**
     * The event as a keyed binary-mode CloudEvent: its id, the given type and source, the report id as subject and the
     * time it occurred.
     */
    public static Message<String> keyedCloudEvent(ReportEvent event, String type, URI source) {
        return keyed(event).addMetadata(OutgoingCloudEventMetadata.builder()
                .withId(event.eventId().toString())
                .withType(type)
                .withSource(source)
                .withSubject(event.reportId())
                .withTimestamp(event.occurredAt().atZone(ZoneOffset.UTC))
                .build());
    }
}

package io.annualreport.service.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

import io.annualreport.model.event.EventCodec;
import io.annualreport.model.event.ReportSubmittedEvent;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

class EventMessagesTest {

    private final ReportSubmittedEvent event = new ReportSubmittedEvent(UUID.randomUUID(), "0123456789abcdef",
            Instant.parse("2026-03-01T08:00:00Z"), ReportSubmittedEvent.SCHEMA_VERSION, "ab".repeat(32), "年报.pdf",
            "application/pdf", 1234, "file:///blobs/0123456789abcdef", "dev", null, 2025,
            Instant.parse("2026-03-01T08:00:00Z"));

    @Test
    void shouldCarryTheEventAsJsonKeyedByItsReportId() {
        Message<String> message = EventMessages.keyed(event);

        assertThat(EventCodec.decode(message.getPayload(), ReportSubmittedEvent.class)).isEqualTo(event);
        assertThat(message.getMetadata(OutgoingKafkaRecordMetadata.class)).hasValueSatisfying(
                kafka -> assertThat(kafka.getKey()).isEqualTo("0123456789abcdef"));
        assertThat(message.getMetadata(OutgoingCloudEventMetadata.class)).isEmpty();
    }

    @Test
    void shouldDescribeACloudEventByTheEventsIdSubjectAndTime() {
        Message<String> message = EventMessages.keyedCloudEvent(event, "report.submitted",
                URI.create("urn:annual-report:test"));

        assertThat(message.getMetadata(OutgoingKafkaRecordMetadata.class)).hasValueSatisfying(
                kafka -> assertThat(kafka.getKey()).isEqualTo("0123456789abcdef"));
        OutgoingCloudEventMetadata<?> ce = message.getMetadata(OutgoingCloudEventMetadata.class).orElseThrow();
        assertThat(ce.getId()).isEqualTo(event.eventId().toString());
        assertThat(ce.getType()).isEqualTo("report.submitted");
        assertThat(ce.getSource()).isEqualTo(URI.create("urn:annual-report:test"));
        assertThat(ce.getSubject()).contains("0123456789abcdef");
        assertThat(ce.getTimeStamp()).contains(Instant.parse("2026-03-01T08:00:00Z").atZone(ZoneOffset.UTC));
    }
}

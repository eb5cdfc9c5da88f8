package io.annualreport.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.annualreport.model.event.EventCodec;
import io.annualreport.model.event.EventIds;
import io.annualreport.model.event.ReportIds;
import io.annualreport.model.event.ReportParsedEvent;
import io.annualreport.model.event.ReportSubmittedEvent;
import io.annualreport.parser.ReportParser;
import io.annualreport.testsupport.KafkaBrokerResource;
import io.annualreport.testsupport.Samples;
import io.annualreport.testsupport.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class RedeliveryTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void shouldGiveARedeliveredSubmissionTheSameParsedEventIdAndAReprocessANewOne() throws Exception {
        // Given: one submission delivered twice (as after a kill before the offset commit), and a deliberate
        // reprocess of the same file, which is a new submitted event
        Path file = Samples.file("seeds/001_e6499531ec3c06f0.txt");
        ReportSubmittedEvent submitted = submission(file, UUID.randomUUID());
        ReportSubmittedEvent reprocess = submission(file, UUID.randomUUID());

        // When
        send(submitted);
        send(submitted);
        send(reprocess);

        // Then: three parsed records, the two of the redelivered submission with one id, derived from its own
        TopicReader.await(bootstrap, "reports.parsed", r -> parsedFor(submitted.reportId()).size() >= 3,
                Duration.ofSeconds(120));
        List<UUID> ids = parsedFor(submitted.reportId());
        UUID expected = EventIds.derived(submitted.eventId(), EventIds.PARSE, ReportParser.VERSION);
        UUID expectedReprocess = EventIds.derived(reprocess.eventId(), EventIds.PARSE, ReportParser.VERSION);
        assertThat(ids).containsExactlyInAnyOrder(expected, expected, expectedReprocess);
        assertThat(expected).isNotEqualTo(expectedReprocess);
    }

    private List<UUID> parsedFor(String reportId) {
        return TopicReader.readAll(bootstrap, "reports.parsed").stream().filter(r -> reportId.equals(r.key()))
                .map(r -> EventCodec.decode(r.value(), ReportParsedEvent.class).eventId()).toList();
    }

    private void send(ReportSubmittedEvent event) throws Exception {
        try (var producer = new KafkaProducer<String, String>(Map.of("bootstrap.servers", bootstrap),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("reports.submitted", event.reportId(), EventCodec.encode(event))).get();
        }
    }

    private static ReportSubmittedEvent submission(Path file, UUID eventId) throws Exception {
        String sha = ReportIds.sha256(Files.readAllBytes(file));
        return new ReportSubmittedEvent(eventId, ReportIds.fromSha256(sha), Instant.now(), 1, sha,
                file.getFileName().toString(), null, Files.size(file), file.toUri().toString(), "test", null, null,
                Instant.now());
    }
}

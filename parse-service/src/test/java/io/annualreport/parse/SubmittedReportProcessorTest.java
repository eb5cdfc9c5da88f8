package io.annualreport.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.annualreport.model.event.EventCodec;
import io.annualreport.model.event.FailureReason;
import io.annualreport.model.event.ReportFailedEvent;
import io.annualreport.model.event.ReportIds;
import io.annualreport.model.event.ReportParsedEvent;
import io.annualreport.model.event.ReportSubmittedEvent;
import io.annualreport.testsupport.KafkaBrokerResource;
import io.annualreport.testsupport.Samples;
import io.annualreport.testsupport.TestDirs;
import io.annualreport.testsupport.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class SubmittedReportProcessorTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void shouldPublishTheParsedReportKeyedByItsId() throws Exception {
        // Given
        ReportSubmittedEvent submitted = submission(Samples.file("seeds/000_0cd22d9d18d83273.txt"));
        // When
        send(submitted.reportId(), EventCodec.encode(submitted));
        // Then
        var record = TopicReader.awaitKey(bootstrap, "reports.parsed", submitted.reportId(), Duration.ofSeconds(60));
        ReportParsedEvent parsed = EventCodec.decode(record.value(), ReportParsedEvent.class);
        assertThat(parsed.report().identity().agency()).isEqualTo("老城区政务服务和大数据管理局");
        assertThat(parsed.report().identity().year()).isEqualTo(2021);
        assertThat(parsed.sha256()).isEqualTo(submitted.sha256());
    }

    @Test
    void shouldSendPoisonToTheDeadLetterTopicAndCarryOn() throws Exception {
        // Given
        ReportSubmittedEvent good = submission(Samples.file("seeds/003_8c7e58cf2aa459dd.txt"));
        // When
        send("poison", "{this is not an event");
        send(good.reportId(), EventCodec.encode(good));
        // Then
        var dead = TopicReader.awaitKey(bootstrap, "reports.submitted.dlq", "poison", Duration.ofSeconds(60));
        assertThat(dead.value()).isEqualTo("{this is not an event");
        assertThat(dead.headers().lastHeader("dead-letter-reason")).isNotNull();
        TopicReader.awaitKey(bootstrap, "reports.parsed", good.reportId(), Duration.ofSeconds(60));
    }

    @Test
    void shouldPublishAFailureForAFileThatCannotBeRead() throws Exception {
        // Given: bytes that claim to be a PDF but are not
        Path broken = Files.writeString(TestDirs.fresh("broken").resolve("broken.pdf"), "%PDF-1.7\n garbage");
        ReportSubmittedEvent submitted = submission(broken);
        // When
        send(submitted.reportId(), EventCodec.encode(submitted));
        // Then
        var record = TopicReader.awaitKey(bootstrap, "reports.failed", submitted.reportId(), Duration.ofSeconds(60));
        ReportFailedEvent failed = EventCodec.decode(record.value(), ReportFailedEvent.class);
        assertThat(failed.reason()).isIn(FailureReason.CORRUPT, FailureReason.NO_TEXT);
    }

    private void send(String key, String value) throws Exception {
        try (var producer = new KafkaProducer<String, String>(Map.of("bootstrap.servers", bootstrap),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("reports.submitted", key, value)).get();
        }
    }

    private static ReportSubmittedEvent submission(Path file) throws Exception {
        String sha = ReportIds.sha256(Files.readAllBytes(file));
        return new ReportSubmittedEvent(UUID.randomUUID(), ReportIds.fromSha256(sha), Instant.now(), 1, sha,
                file.getFileName().toString(), null, Files.size(file), file.toUri().toString(), "test", null, null,
                Instant.now());
    }
}

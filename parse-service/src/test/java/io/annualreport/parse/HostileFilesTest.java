package io.annualreport.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.annualreport.model.event.EventCodec;
import io.annualreport.model.event.FailureReason;
import io.annualreport.model.event.ReportFailedEvent;
import io.annualreport.model.event.ReportIds;
import io.annualreport.model.event.ReportSubmittedEvent;
import io.annualreport.testsupport.KafkaBrokerResource;
import io.annualreport.testsupport.Samples;
import io.annualreport.testsupport.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Every hostile fixture of report-extraction (named {@code <REASON>-<description>}) ends as a failure of that one
 * report with its reason code on the real broker, and the good file sent after them is still parsed. The document
 * budget is short here ({@link ShortBudget}) so that the TIMEOUT file, a valid PDF that takes many seconds to read,
 * times out quickly.
 */
@QuarkusTest
@TestProfile(HostileFilesTest.ShortBudget.class)
@WithTestResource(KafkaBrokerResource.class)
class HostileFilesTest {

    /** A document budget of 4 s: the good real PDF needs well under a second, the TIMEOUT file many seconds. */
    public static final class ShortBudget implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("parse.document-timeout", "4s");
        }
    }

    private static final Path HOSTILE = Path.of("../report-extraction/src/test/resources/hostile");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void shouldFailEachHostileFileWithItsReasonAndKeepTheGoodOnesMoving() throws Exception {
        // Given
        List<Path> hostile;
        try (Stream<Path> files = Files.list(HOSTILE)) {
            hostile = files.filter(Files::isRegularFile).sorted().toList();
        }
        assertThat(hostile).hasSizeGreaterThanOrEqualTo(9)
                .anyMatch(f -> f.getFileName().toString().startsWith(FailureReason.TIMEOUT.name() + "-"));
        List<ReportSubmittedEvent> sent = new ArrayList<>();
        // When
        for (Path file : hostile) {
            sent.add(send(file));
        }
        ReportSubmittedEvent good = send(Samples.file("real/szfgs2024.pdf"));
        // Then
        TopicReader.awaitKey(bootstrap, "reports.parsed", good.reportId(), Duration.ofSeconds(120));
        for (int i = 0; i < hostile.size(); i++) {
            String name = hostile.get(i).getFileName().toString();
            FailureReason expected = FailureReason.valueOf(name.substring(0, name.indexOf('-')));
            var record = TopicReader.awaitKey(bootstrap, "reports.failed", sent.get(i).reportId(),
                    Duration.ofSeconds(60));
            ReportFailedEvent failed = EventCodec.decode(record.value(), ReportFailedEvent.class);
            assertThat(failed.reason()).as(name).isEqualTo(expected);
            assertThat(failed.stage()).isEqualTo(ReportFailedEvent.Stage.PARSE);
            assertThat(failed.message()).as(name).isNotBlank();
        }
    }

    private ReportSubmittedEvent send(Path file) throws IOException, InterruptedException {
        String sha = ReportIds.sha256(Files.readAllBytes(file));
        ReportSubmittedEvent event = new ReportSubmittedEvent(UUID.randomUUID(), ReportIds.fromSha256(sha),
                Instant.now(), 1, sha, file.getFileName().toString(), null, Files.size(file),
                file.toAbsolutePath().toUri().toString(), "test", null, null, Instant.now());
        try (var producer = new KafkaProducer<String, String>(Map.of("bootstrap.servers", bootstrap),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("reports.submitted", event.reportId(), EventCodec.encode(event)))
                    .get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        }
        return event;
    }
}

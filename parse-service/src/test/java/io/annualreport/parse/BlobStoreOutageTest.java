package io.annualreport.parse;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
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

import io.annualreport.blob.DirectoryBlobStore;
import io.annualreport.model.event.EventCodec;
import io.annualreport.model.event.ReportIds;
import io.annualreport.model.event.ReportParsedEvent;
import io.annualreport.model.event.ReportSubmittedEvent;
import io.annualreport.testsupport.KafkaBrokerResource;
import io.annualreport.testsupport.Samples;
import io.annualreport.testsupport.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/** A blob store that is away for a while: the submission waits for it, then parses; nothing fails or is dead-lettered. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@TestProfile(BlobStoreOutageTest.OwnBlobDirectory.class)
class BlobStoreOutageTest {

    static final Path BLOBS = Path.of("target/blob-outage/blobs").toAbsolutePath();
    static final Path AWAY = Path.of("target/blob-outage/away").toAbsolutePath();

    /** A blob directory of its own, which the test can move away. */
    public static class OwnBlobDirectory implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("blob.dir", BLOBS.toString());
        }
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void shouldWaitForTheBlobStoreAndParseTheReportWhenItIsBack() throws Exception {
        // Given: a report claimed in the store, whose directory then goes away (an unmounted disk)
        if (Files.exists(AWAY) && !Files.exists(BLOBS)) {
            Files.move(AWAY, BLOBS); // left over from an interrupted run
        }
        Path seed = Samples.file("seeds/002_f18319c9d2afc64c.txt");
        String sha = ReportIds.sha256(Files.readAllBytes(seed));
        String reportId = ReportIds.fromSha256(sha);
        Path copy = Files.createTempFile(Files.createDirectories(BLOBS.getParent()), "upload", ".txt");
        Files.copy(seed, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        URI blob = new DirectoryBlobStore(BLOBS).put(reportId, copy);
        ReportSubmittedEvent submitted = new ReportSubmittedEvent(UUID.randomUUID(), reportId, Instant.now(), 1, sha,
                "002.txt", "text/plain", Files.size(seed), blob.toString(), "test", null, null, Instant.now());
        Files.move(BLOBS, AWAY);
        try {
            // When
            send(submitted);

            // Then: the service waits and says so
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() -> {
                JsonPath health = given().get("/q/health/ready").jsonPath();
                return health.getList("checks.findAll { it.name == 'parse dependencies' }.status").contains("DOWN");
            });
            // the outage lasts a while before the store comes back
            Thread.sleep(5_000);
        } finally {
            Files.move(AWAY, BLOBS);
        }

        // and once the store is back the report is parsed, not failed, and nothing is dead-lettered
        var record = TopicReader.awaitKey(bootstrap, "reports.parsed", reportId, Duration.ofSeconds(90));
        assertThat(EventCodec.decode(record.value(), ReportParsedEvent.class).sha256()).isEqualTo(sha);
        assertThat(TopicReader.readAll(bootstrap, "reports.failed")).noneMatch(r -> reportId.equals(r.key()));
        assertThat(TopicReader.readAll(bootstrap, "reports.submitted.dlq")).noneMatch(r -> reportId.equals(r.key()));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/q/health/ready").statusCode() == 200);
    }

    private void send(ReportSubmittedEvent event) throws Exception {
        try (var producer = new KafkaProducer<String, String>(Map.of("bootstrap.servers", bootstrap),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("reports.submitted", event.reportId(), EventCodec.encode(event)))
                    .get();
        }
    }
}

package io.annualreport.parse;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.annualreport.blob.BlobStore;
import io.annualreport.blob.BlobStoreSettings;
import io.annualreport.blob.BlobStores;
import io.annualreport.model.event.EventCodec;
import io.annualreport.model.event.FailureReason;
import io.annualreport.model.event.ReportFailedEvent;
import io.annualreport.model.event.ReportIds;
import io.annualreport.model.event.ReportParsedEvent;
import io.annualreport.model.event.ReportSubmittedEvent;
import io.annualreport.testsupport.KafkaBrokerResource;
import io.annualreport.testsupport.S3ProxyResource;
import io.annualreport.testsupport.S3ProxyServer;
import io.annualreport.testsupport.Samples;
import io.annualreport.testsupport.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** With {@code blob.store=s3}, parse-service fetches the claimed file from the bucket (a real S3Proxy). */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(S3ProxyResource.class)
class S3BlobProcessingTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void shouldParseASampleClaimedFromTheBucket() throws Exception {
        // Given: a seed report put into the bucket by a store of its own, as ingest-service would
        String seed = "001_e6499531ec3c06f0";
        Path file = Samples.file("seeds/" + seed + ".txt");
        JsonNode expected = new ObjectMapper().readTree(Samples.file("expected/" + seed + ".json").toFile())
                .path("identity");
        String sha = ReportIds.sha256(Files.readAllBytes(file));
        URI blob = bucket().put(ReportIds.fromSha256(sha), file);
        ReportSubmittedEvent submitted = submission(sha, blob, seed + ".txt");

        // When
        send(submitted);

        // Then
        assertThat(blob.getScheme()).isEqualTo("s3");
        var record = TopicReader.awaitKey(bootstrap, "reports.parsed", submitted.reportId(), Duration.ofSeconds(60));
        ReportParsedEvent parsed = EventCodec.decode(record.value(), ReportParsedEvent.class);
        assertThat(parsed.report().identity().agency()).isEqualTo(expected.path("agency").asText());
        assertThat(parsed.report().identity().year()).isEqualTo(expected.path("year").asInt());
        assertThat(parsed.sha256()).isEqualTo(sha);
    }

    @Test
    void shouldFailReportsWhoseBlobIsAbsentFromTheBucketOrOutsideIt() throws Exception {
        // Given: an object never stored, an object of another bucket, and a local file instead of an object
        String absentSha = ReportIds.sha256(("absent " + UUID.randomUUID()).getBytes());
        String absentId = ReportIds.fromSha256(absentSha);
        ReportSubmittedEvent absent = submission(absentSha,
                URI.create("s3://" + S3ProxyResource.BUCKET + "/" + absentId.substring(0, 2) + "/" + absentId),
                "absent.txt");
        String foreignSha = ReportIds.sha256(("foreign " + UUID.randomUUID()).getBytes());
        String foreignId = ReportIds.fromSha256(foreignSha);
        ReportSubmittedEvent foreign = submission(foreignSha,
                URI.create("s3://another-bucket/" + foreignId.substring(0, 2) + "/" + foreignId), "foreign.txt");
        Path local = Samples.file("seeds/002_f18319c9d2afc64c.txt");
        ReportSubmittedEvent localFile = submission(ReportIds.sha256(Files.readAllBytes(local)), local.toUri(),
                "local.txt");

        // When
        send(absent);
        send(foreign);
        send(localFile);

        // Then
        for (ReportSubmittedEvent submitted : new ReportSubmittedEvent[]{absent, foreign, localFile}) {
            var record = TopicReader.awaitKey(bootstrap, "reports.failed", submitted.reportId(),
                    Duration.ofSeconds(60));
            ReportFailedEvent failed = EventCodec.decode(record.value(), ReportFailedEvent.class);
            assertThat(failed.reason()).as(submitted.fileName()).isEqualTo(FailureReason.BLOB_MISSING);
            assertThat(failed.message()).as(submitted.fileName()).contains(submitted.blobUri());
        }
    }

    private static BlobStore bucket() {
        String endpoint = ConfigProvider.getConfig().getValue("blob.s3.endpoint", String.class);
        return BlobStores.create(BlobStoreSettings.s3(endpoint, S3ProxyResource.BUCKET, S3ProxyServer.IDENTITY,
                S3ProxyServer.CREDENTIAL));
    }

    private static ReportSubmittedEvent submission(String sha, URI blob, String fileName) {
        return new ReportSubmittedEvent(UUID.randomUUID(), ReportIds.fromSha256(sha), Instant.now(), 1, sha, fileName,
                null, 1, blob.toString(), "test", null, null, Instant.now());
    }

    private void send(ReportSubmittedEvent submitted) throws Exception {
        try (var producer = new KafkaProducer<String, String>(Map.of("bootstrap.servers", bootstrap),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("reports.submitted", submitted.reportId(), EventCodec.encode(submitted)))
                    .get();
        }
    }
}

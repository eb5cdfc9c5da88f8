package io.annualreport.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.annualreport.blob.BlobStores;
import io.annualreport.blob.S3BlobStore;
import io.annualreport.infra.cli.MultipartUpload;
import io.annualreport.model.event.EventCodec;
import io.annualreport.model.event.ReportIds;
import io.annualreport.model.event.ReportSubmittedEvent;
import io.annualreport.testsupport.KafkaBrokerResource;
import io.annualreport.testsupport.S3ProxyResource;
import io.annualreport.testsupport.S3ProxyServer;
import io.annualreport.testsupport.TestDirs;
import io.annualreport.testsupport.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import software.amazon.awssdk.services.s3.S3Client;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(S3ProxyResource.class)
class S3UploadTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @TestHTTPResource("/api/v1/reports")
    String uploadUrl;

    @Test
    void shouldStoreTheUploadInTheBucketBeforePublishingItsS3Uri() throws Exception {
        // Given
        Path file = Files.writeString(TestDirs.fresh("s3-upload").resolve("惠济区2023.txt"),
                "一、总体情况 " + UUID.randomUUID());
        String reportId = ReportIds.fromSha256(ReportIds.sha256(Files.readAllBytes(file)));
        // When
        var response = new MultipartUpload().file(file).post(uploadUrl, "dev-key");
        // Then
        assertThat(response.statusCode()).isEqualTo(202);
        ReportSubmittedEvent event = EventCodec.decode(
                TopicReader.awaitKey(bootstrap, "reports.submitted", reportId, Duration.ofSeconds(30)).value(),
                ReportSubmittedEvent.class);
        assertThat(event.blobUri()).isEqualTo("s3://reports/" + S3BlobStore.key(reportId));
        // read here, not injected: an injected property would be required by every other @QuarkusTest's app too
        String endpoint = ConfigProvider.getConfig().getValue("blob.s3.endpoint", String.class);
        try (S3Client s3 = BlobStores.s3Client(endpoint, "us-east-1", S3ProxyServer.IDENTITY,
                S3ProxyServer.CREDENTIAL)) {
            assertThat(s3.getObjectAsBytes(b -> b.bucket("reports").key(S3BlobStore.key(reportId))).asByteArray())
                    .isEqualTo(Files.readAllBytes(file));
        }
    }
}

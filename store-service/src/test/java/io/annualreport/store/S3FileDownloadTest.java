package io.annualreport.store;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.annualreport.blob.BlobStore;
import io.annualreport.blob.BlobStoreSettings;
import io.annualreport.blob.BlobStores;
import io.annualreport.model.event.ReportIds;
import io.annualreport.store.persistence.write.SubmittedWriter;
import io.annualreport.testsupport.KafkaBrokerResource;
import io.annualreport.testsupport.PostgresResource;
import io.annualreport.testsupport.S3ProxyResource;
import io.annualreport.testsupport.S3ProxyServer;
import io.annualreport.testsupport.Samples;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** With {@code blob.store=s3}, the original-file download streams the submitted bytes from the bucket. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(S3ProxyResource.class)
class S3FileDownloadTest {

    @Inject
    SubmittedWriter submittedWriter;

    @Test
    void shouldServeTheOriginalBytesFromTheBucketAndOnlyFromIt() throws Exception {
        // Given: a real report in the bucket, put there by a store of its own as ingest-service would
        Path original = Samples.file("real/szfgs2024.pdf");
        byte[] bytes = Files.readAllBytes(original);
        String stored = ReportIds.fromSha256(ReportIds.sha256(bytes));
        URI blob = bucket().put(stored, original);
        submittedWriter.apply(GoldenFixtures.submitted(stored, "下载测试局", 2024, Instant.now(), blob.toString()));
        String absent = GoldenFixtures.newReportId();
        submittedWriter.apply(GoldenFixtures.submitted(absent, "下载测试局", 2024, Instant.now(),
                "s3://" + S3ProxyResource.BUCKET + "/" + absent.substring(0, 2) + "/" + absent));
        String foreign = GoldenFixtures.newReportId();
        submittedWriter.apply(GoldenFixtures.submitted(foreign, "下载测试局", 2024, Instant.now(),
                "s3://another-bucket/" + stored.substring(0, 2) + "/" + stored));
        String local = GoldenFixtures.newReportId();
        submittedWriter.apply(GoldenFixtures.submitted(local, "下载测试局", 2024, Instant.now(),
                original.toUri().toString()));

        // When
        byte[] body = given().get("/api/v1/reports/{id}/file", stored).then().statusCode(200).extract()
                .asByteArray();

        // Then
        assertThat(blob.getScheme()).isEqualTo("s3");
        assertThat(body).isEqualTo(bytes);
        given().get("/api/v1/reports/{id}/file", absent).then().statusCode(404)
                .body("error.code", equalTo("BLOB_MISSING"));
        given().get("/api/v1/reports/{id}/file", foreign).then().statusCode(403)
                .body("error.code", equalTo("BLOB_OUTSIDE_STORE"));
        given().get("/api/v1/reports/{id}/file", local).then().statusCode(403)
                .body("error.code", equalTo("BLOB_OUTSIDE_STORE"));
    }

    private static BlobStore bucket() {
        String endpoint = ConfigProvider.getConfig().getValue("blob.s3.endpoint", String.class);
        return BlobStores.create(BlobStoreSettings.s3(endpoint, S3ProxyResource.BUCKET, S3ProxyServer.IDENTITY,
                S3ProxyServer.CREDENTIAL));
    }
}

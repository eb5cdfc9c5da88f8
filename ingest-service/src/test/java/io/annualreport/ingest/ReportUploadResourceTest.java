package io.annualreport.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.annualreport.infra.cli.MultipartUpload;
import io.annualreport.model.event.EventCodec;
import io.annualreport.model.event.ReportIds;
import io.annualreport.model.event.ReportSubmittedEvent;
import io.annualreport.testsupport.KafkaBrokerResource;
import io.annualreport.testsupport.Samples;
import io.annualreport.testsupport.TestDirs;
import io.annualreport.testsupport.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class ReportUploadResourceTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @TestHTTPResource("/api/v1/reports")
    String uploadUrl;

    @Test
    void shouldStoreTheFileAndPublishAnAcknowledgedEventBeforeAnswering202() throws Exception {
        // Given
        Path seed = Samples.file("seeds/001_e6499531ec3c06f0.txt");
        String sha = ReportIds.sha256(Files.readAllBytes(seed));
        String reportId = ReportIds.fromSha256(sha);
        // When
        var response = new MultipartUpload().file(seed).field("agency", "惠济区政务服务和大数据管理局")
                .field("year", "2022").post(uploadUrl, "dev-key");
        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode accepted = EventCodec.mapper().readTree(response.body()).path("reports");
        assertThat(accepted).hasSize(1);
        assertThat(accepted.get(0).path("reportId").asText()).isEqualTo(reportId);
        assertThat(accepted.get(0).path("sha256").asText()).isEqualTo(sha);
        assertThat(accepted.get(0).path("fileName").asText()).isEqualTo("001_e6499531ec3c06f0.txt");
        assertThat(accepted.get(0).path("statusUrl").asText())
                .isEqualTo("http://localhost:8084/api/v1/reports/" + reportId);
        // Then
        ReportSubmittedEvent event = EventCodec.decode(recordFor(reportId).value(), ReportSubmittedEvent.class);
        assertThat(event.mediaType()).isEqualTo("text/plain");
        assertThat(event.declaredAgency()).isEqualTo("惠济区政务服务和大数据管理局");
        assertThat(event.declaredYear()).isEqualTo(2022);
        assertThat(event.submitter()).isEqualTo("dev");
        assertThat(Files.readAllBytes(Path.of(URI.create(event.blobUri())))).isEqualTo(Files.readAllBytes(seed));
    }

    @Test
    void shouldSniffTheContentNotTrustTheName() throws Exception {
        // Given: a real PDF uploaded under a .docx name
        Path pdf = Samples.file("real/hzq2024_working.pdf");
        Path renamed = TestDirs.fresh("renamed").resolve("报告.docx");
        Files.copy(pdf, renamed);
        String reportId = ReportIds.fromSha256(ReportIds.sha256(Files.readAllBytes(pdf)));
        // When
        assertThat(new MultipartUpload().file(renamed).post(uploadUrl, "dev-key").statusCode()).isEqualTo(202);
        // Then
        ReportSubmittedEvent event = EventCodec.decode(recordFor(reportId).value(), ReportSubmittedEvent.class);
        assertThat(event.mediaType()).isEqualTo("application/pdf");
        assertThat(event.fileName()).isEqualTo("报告.docx");
    }

    @Test
    void shouldRefuseBadUploadsWithJsonErrorsAndPublishNothing() throws Exception {
        Path dir = TestDirs.fresh("bad");
        Path empty = Files.createFile(dir.resolve("empty.pdf"));
        Path binary = Files.write(dir.resolve("data.bin"), new byte[]{0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0});
        Path large = dir.resolve("large.txt");
        Files.writeString(large, "政府信息公开".repeat(60_000));
        Path good = Files.writeString(dir.resolve("good.txt"), "一、总体情况 unpublished because its sibling is refused");

        given().multiPart("file", good.toFile()).when().post("/api/v1/reports")
                .then().statusCode(401).body("error.code", equalTo("UNAUTHENTICATED"));
        given().header("X-Api-Key", "wrong").multiPart("file", good.toFile()).when().post("/api/v1/reports")
                .then().statusCode(401);
        given().header("X-Api-Key", "dev-key").multiPart("file", empty.toFile()).when().post("/api/v1/reports")
                .then().statusCode(400).body("error.code", equalTo("EMPTY_FILE"));
        given().header("X-Api-Key", "dev-key").multiPart("file", binary.toFile()).when().post("/api/v1/reports")
                .then().statusCode(415).body("error.code", equalTo("UNSUPPORTED_TYPE"));
        given().header("X-Api-Key", "dev-key").multiPart("file", good.toFile()).multiPart("file", large.toFile())
                .when().post("/api/v1/reports")
                .then().statusCode(413).body("error.code", equalTo("TOO_LARGE"))
                .body("error.message", org.hamcrest.Matchers.containsString("large.txt"));
        given().header("X-Api-Key", "dev-key").multiPart("file", good.toFile()).multiPart("year", "明年")
                .when().post("/api/v1/reports")
                .then().statusCode(400).body("error.code", equalTo("BAD_YEAR"));

        // Then: none of the refused files' ids was published
        List<String> refused = List.of(empty, binary, large, good).stream()
                .map(p -> ReportIds.fromSha256(sha(p))).toList();
        assertThat(TopicReader.readAll(bootstrap, "reports.submitted")).extracting(ConsumerRecord::key)
                .doesNotContainAnyElementsOf(refused);
    }

    private ConsumerRecord<String, String> recordFor(String reportId) {
        return TopicReader.awaitKey(bootstrap, "reports.submitted", reportId, Duration.ofSeconds(30));
    }

    private static String sha(Path p) {
        try {
            return ReportIds.sha256(Files.readAllBytes(p));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

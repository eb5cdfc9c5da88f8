package io.annualreport.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.annualreport.infra.cli.MultipartUpload;
import io.annualreport.testsupport.KafkaBrokerResource;
import io.annualreport.testsupport.TestDirs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class IntakeMetricsTest {

    @TestHTTPResource("/api/v1/reports")
    String uploadUrl;

    @Test
    void shouldCountUploadsByOutcomeBytesAndLatency() throws Exception {
        // Given
        Path file = Files.writeString(TestDirs.fresh("metrics").resolve("report.txt"),
                "一、总体情况 " + UUID.randomUUID());
        long size = Files.size(file);
        String before = metrics();
        // When
        assertThat(new MultipartUpload().file(file).post(uploadUrl, "dev-key").statusCode()).isEqualTo(202);
        assertThat(new MultipartUpload().file(file).post(uploadUrl, "not-a-key").statusCode()).isEqualTo(401);
        String after = metrics();
        // Then
        assertThat(value(after, "ingest_uploads_total", "code=\"ACCEPTED\"")
                - value(before, "ingest_uploads_total", "code=\"ACCEPTED\"")).isEqualTo(1.0);
        assertThat(value(after, "ingest_uploads_total", "code=\"UNAUTHENTICATED\"")
                - value(before, "ingest_uploads_total", "code=\"UNAUTHENTICATED\"")).isEqualTo(1.0);
        assertThat(value(after, "ingest_reports_accepted_total", "")
                - value(before, "ingest_reports_accepted_total", "")).isEqualTo(1.0);
        assertThat(value(after, "ingest_accepted_bytes_total", "")
                - value(before, "ingest_accepted_bytes_total", "")).isEqualTo((double) size);
        assertThat(value(after, "ingest_upload_duration_seconds_count", "outcome=\"refused\"")
                - value(before, "ingest_upload_duration_seconds_count", "outcome=\"refused\"")).isEqualTo(1.0);
        assertThat(after).contains("ingest_upload_duration_seconds_bucket{outcome=\"accepted\"");
    }

    private static String metrics() {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** Sum of the samples of a metric whose labels contain the given text (0 when absent). */
    private static double value(String exposition, String metric, String label) {
        double sum = 0;
        for (String sample : exposition.split("\n")) {
            // a sample may end with an exemplar linking it to a trace: "… 3.0 # {span_id=…,trace_id=…} 1.0"
            String line = sample.split(" # ", 2)[0];
            if ((line.startsWith(metric + "{") || line.startsWith(metric + " ")) && line.contains(label)) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }
}

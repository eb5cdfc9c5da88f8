package io.annualreport.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.annualreport.model.event.ReportIds;
import io.annualreport.testsupport.KafkaBrokerResource;
import io.annualreport.testsupport.TestDirs;
import io.annualreport.testsupport.TopicReader;
import io.annualreport.testsupport.TraceContext;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The ingest hop of one trace from ingest to store: the upload request's trace (from the client or the ingress) is
 * continued by the submission event, whose traceparent header carries it to parse.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class TracePropagationTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @TestHTTPResource("/api/v1/reports")
    String uploadUrl;

    @Inject
    InMemorySpanExporter spans;

    @Test
    void shouldCarryTheUploadsTraceOntoTheSubmissionEvent() throws Exception {
        // Given: a small report of its own (so that its id is new to this broker)
        Path file = TestDirs.fresh("traced").resolve("traced.txt");
        Files.writeString(file, "2023年政府信息公开工作年度报告 " + System.nanoTime());
        String reportId = ReportIds.fromSha256(ReportIds.sha256(Files.readAllBytes(file)));
        TraceContext client = TraceContext.random();
        // When
        int status = given().header("X-Api-Key", "dev-key").header("traceparent", client.traceparent())
                .multiPart("file", file.toFile(), "text/plain").post(uploadUrl).statusCode();
        // Then
        assertThat(status).isEqualTo(202);
        var record = TopicReader.awaitKey(bootstrap, "reports.submitted", reportId, Duration.ofSeconds(60));
        TraceContext published = TraceContext.of(record);
        assertThat(published.traceId()).isEqualTo(client.traceId());
        assertThat(published.spanId()).isNotEqualTo(client.spanId());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(spans.getFinishedSpanItems())
                .anySatisfy(span -> {
                    assertThat(span.getTraceId()).isEqualTo(client.traceId());
                    assertThat(span.getParentSpanId()).isEqualTo(client.spanId());
                }));
    }
}

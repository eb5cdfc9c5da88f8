package io.annualreport.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.annualreport.infra.cli.MultipartUpload;
import io.annualreport.model.event.EventCodec;
import io.annualreport.model.event.ReportIds;
import io.annualreport.testsupport.KafkaBrokerResource;
import io.annualreport.testsupport.TestDirs;
import io.annualreport.testsupport.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(InFlightLimitTest.NoCapacity.class)
@WithTestResource(KafkaBrokerResource.class)
class InFlightLimitTest {

    /** An intake whose in-flight limit is already reached by nothing: every upload meets a full intake. */
    public static class NoCapacity implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ingest.max-in-flight", "0");
        }
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @TestHTTPResource("/api/v1/reports")
    String uploadUrl;

    @Test
    void shouldAnswer429WithRetryAfterWhenTheInFlightLimitIsReached() throws Exception {
        // Given
        Path file = Files.writeString(TestDirs.fresh("limit").resolve("report.txt"),
                "一、总体情况 " + UUID.randomUUID());
        // When
        var response = new MultipartUpload().file(file).post(uploadUrl, "dev-key");
        // Then
        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(EventCodec.mapper().readTree(response.body()).path("error").path("code").asText())
                .isEqualTo("TOO_MANY_UPLOADS");
        String id = ReportIds.fromSha256(ReportIds.sha256(Files.readAllBytes(file)));
        assertThat(TopicReader.readAll(bootstrap, "reports.submitted")).extracting(ConsumerRecord::key)
                .doesNotContain(id);
    }

    @Test
    void shouldStillAuthenticateBeforeCountingAgainstTheLimit() throws Exception {
        // Given
        Path file = Files.writeString(TestDirs.fresh("limit-auth").resolve("report.txt"), "一、总体情况");
        // When
        var response = new MultipartUpload().file(file).post(uploadUrl, "wrong-key");
        // Then
        assertThat(response.statusCode()).isEqualTo(401);
    }
}

package io.annualreport.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.annualreport.infra.cli.MultipartUpload;
import io.annualreport.model.event.EventCodec;
import io.annualreport.model.event.ReportIds;
import io.annualreport.testsupport.TestDirs;
import io.annualreport.testsupport.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(RestartableKafkaResource.class)
class BrokerOutageTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @TestHTTPResource("/api/v1/reports")
    String uploadUrl;

    @Test
    void shouldAnswer503WhileTheBrokerIsDownAndNeverPublishTheRefusedUploadLater() throws Exception {
        // Given: the broker works, then goes down
        Path dir = TestDirs.fresh("outage");
        Path before = Files.writeString(dir.resolve("before.txt"), "一、总体情况 " + UUID.randomUUID());
        Path during = Files.writeString(dir.resolve("during.txt"), "二、主动公开政府信息情况 " + UUID.randomUUID());
        assertThat(upload(before).statusCode()).isEqualTo(202);
        RestartableKafkaResource.stopBroker();
        // When
        HttpResponse<String> refused;
        try {
            refused = upload(during);
        } finally {
            RestartableKafkaResource.startBroker();
        }
        // Then: 503 with Retry-After and the contract's JSON error
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(
                v -> assertThat(Integer.parseInt(v)).isPositive());
        assertThat(EventCodec.mapper().readTree(refused.body()).path("error").path("code").asText())
                .isEqualTo("BROKER_UNAVAILABLE");
        // and once the broker is back, a new upload is accepted and the refused one was never published
        Path after = Files.writeString(dir.resolve("after.txt"), "三、收到和处理政府信息公开申请情况 " + UUID.randomUUID());
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> upload(after).statusCode() == 202);
        TopicReader.awaitKey(bootstrap, "reports.submitted", idOf(after), Duration.ofSeconds(30));
        assertThat(TopicReader.readAll(bootstrap, "reports.submitted")).extracting(ConsumerRecord::key)
                .contains(idOf(before), idOf(after)).doesNotContain(idOf(during));
    }

    @Test
    void shouldAcceptTheSameBytesAgainAfterAnOutageUnderTheSameReportId() throws Exception {
        // Given: an upload refused while the broker is down may have left its blob behind
        Path file = Files.writeString(TestDirs.fresh("retry").resolve("retry.txt"),
                "五、存在的主要问题及改进情况 " + UUID.randomUUID());
        RestartableKafkaResource.stopBroker();
        int duringOutage;
        try {
            duringOutage = upload(file).statusCode();
        } finally {
            RestartableKafkaResource.startBroker();
        }
        // When: the client retries as Retry-After tells it
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> upload(file).statusCode() == 202);
        // Then
        assertThat(duringOutage).isEqualTo(503);
        assertThat(TopicReader.awaitKey(bootstrap, "reports.submitted", idOf(file), Duration.ofSeconds(30)).key())
                .isEqualTo(idOf(file));
    }

    private HttpResponse<String> upload(Path file) {
        return new MultipartUpload().file(file).post(uploadUrl, "dev-key");
    }

    private static String idOf(Path file) throws java.io.IOException {
        return ReportIds.fromSha256(ReportIds.sha256(Files.readAllBytes(file)));
    }
}

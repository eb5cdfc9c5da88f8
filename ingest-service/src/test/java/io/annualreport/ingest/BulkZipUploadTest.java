package io.annualreport.ingest;

import static io.annualreport.ingest.HostileZips.entries;
import static io.annualreport.ingest.HostileZips.zip;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.annualreport.infra.cli.MultipartUpload;
import io.annualreport.model.event.EventCodec;
import io.annualreport.model.event.ReportIds;
import io.annualreport.model.event.ReportSubmittedEvent;
import io.annualreport.testsupport.KafkaBrokerResource;
import io.annualreport.testsupport.TestDirs;
import io.annualreport.testsupport.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class BulkZipUploadTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @TestHTTPResource("/api/v1/reports")
    String uploadUrl;

    @Test
    void shouldAcceptEachEntryOfAZipAsOneReport() throws Exception {
        // Given
        String first = "一、总体情况 " + UUID.randomUUID();
        String second = "二、主动公开政府信息情况 " + UUID.randomUUID();
        Path archive = HostileZips.write(TestDirs.fresh("bulk-ok"), "2023年报.zip",
                zip(entries("惠济区/惠济区2023年政府信息公开工作年度报告.txt", first, "金水区2023.txt", second)));
        // When
        var response = new MultipartUpload().file(archive).field("year", "2023").post(uploadUrl, "dev-key");
        // Then
        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode reports = EventCodec.mapper().readTree(response.body()).path("reports");
        assertThat(reports).hasSize(2);
        assertThat(reports.get(0).path("fileName").asText()).isEqualTo("惠济区2023年政府信息公开工作年度报告.txt");
        assertThat(reports.get(1).path("reportId").asText()).isEqualTo(idOf(second));
        ReportSubmittedEvent event = EventCodec.decode(
                TopicReader.awaitKey(bootstrap, "reports.submitted", idOf(first), Duration.ofSeconds(30)).value(),
                ReportSubmittedEvent.class);
        assertThat(event.fileName()).isEqualTo("惠济区2023年政府信息公开工作年度报告.txt");
        assertThat(event.mediaType()).isEqualTo("text/plain");
        assertThat(event.declaredYear()).isEqualTo(2023);
    }

    @Test
    void shouldRefuseAZipWithAnArchiveDisguisedAsAPdfAndPublishNoneOfItsEntries() throws Exception {
        // Given: a good entry, then a zip renamed to .pdf that only content sniffing catches
        String good = "一、总体情况 " + UUID.randomUUID();
        byte[] disguised = zip(entries("inner.txt", "三、收到和处理政府信息公开申请情况"));
        Path archive = HostileZips.write(TestDirs.fresh("bulk-nested"), "nested.zip",
                zip(entries("good.txt", good, "年报.pdf", disguised)));
        // When
        var response = new MultipartUpload().file(archive).post(uploadUrl, "dev-key");
        // Then
        assertThat(response.statusCode()).isEqualTo(415);
        JsonNode error = EventCodec.mapper().readTree(response.body()).path("error");
        assertThat(error.path("code").asText()).isEqualTo("ZIP_NESTED_ARCHIVE");
        assertThat(error.path("message").asText()).contains("年报.pdf").contains("nested.zip");
        assertThat(TopicReader.readAll(bootstrap, "reports.submitted")).extracting(ConsumerRecord::key)
                .doesNotContain(idOf(good));
    }

    @Test
    void shouldRefuseAZipSlipEntryWithAJsonErrorNamingIt() throws Exception {
        // Given
        String good = "一、总体情况 " + UUID.randomUUID();
        Path archive = HostileZips.write(TestDirs.fresh("bulk-slip"), "slip.zip",
                zip(entries("good.txt", good, "../../../tmp/evil.txt", "四、政府信息公开行政复议、行政诉讼情况")));
        // When
        var response = new MultipartUpload().file(archive).post(uploadUrl, "dev-key");
        // Then
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = EventCodec.mapper().readTree(response.body()).path("error");
        assertThat(error.path("code").asText()).isEqualTo("ZIP_UNSAFE_PATH");
        assertThat(error.path("message").asText()).contains("../../../tmp/evil.txt");
        assertThat(TopicReader.readAll(bootstrap, "reports.submitted")).extracting(ConsumerRecord::key)
                .doesNotContain(idOf(good));
    }

    private static String idOf(String text) {
        return ReportIds.fromSha256(ReportIds.sha256(text.getBytes(StandardCharsets.UTF_8)));
    }
}

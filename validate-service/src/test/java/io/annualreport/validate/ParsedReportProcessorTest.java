package io.annualreport.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.annualreport.model.GoldenEvents;
import io.annualreport.model.event.EventCodec;
import io.annualreport.model.event.ReportParsedEvent;
import io.annualreport.model.event.ReportRevalidationRequestedEvent;
import io.annualreport.model.event.ReportValidatedEvent;
import io.annualreport.model.validation.Verdict;
import io.annualreport.testsupport.KafkaBrokerResource;
import io.annualreport.testsupport.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class ParsedReportProcessorTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void shouldPublishOneValidationCloudEventPerParsedReport() throws Exception {
        // Given: the golden parsed sample, the contract shared with parse-service
        String json = GoldenEvents.json(GoldenEvents.PARSED);
        ReportParsedEvent parsed = EventCodec.decode(json, ReportParsedEvent.class);
        // When
        send(parsed.reportId(), json);
        // Then
        var record = TopicReader.awaitKey(bootstrap, "reports.validated", parsed.reportId(), Duration.ofSeconds(60));
        ReportValidatedEvent validated = EventCodec.decode(record.value(), ReportValidatedEvent.class);
        assertThat(validated.parsedEventId()).isEqualTo(parsed.eventId());
        assertThat(validated.identity().agency()).isEqualTo("老城区政务服务和大数据管理局");
        assertThat(validated.verdict()).isNotNull();
        assertThat(header(record, "ce_type")).isEqualTo("report.validated");
        assertThat(header(record, "ce_id")).isEqualTo(validated.eventId().toString());
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
    }

    @Test
    void shouldReportAReportWithoutTablesAsUnreadable() throws Exception {
        // Given: a parse run that read neither T3 nor T4 (e.g. the tables were images)
        String json = GoldenEvents.json(GoldenEvents.PARSED).replace("\"0cd22d9d18d83273\"", "\"1111111111111111\"")
                .replaceAll("\"t[34]\\.[a-z_]+\\.[a-z_]+\"", "\"t9.x.y\"");
        // When
        send("1111111111111111", json);
        // Then
        var record = TopicReader.awaitKey(bootstrap, "reports.validated", "1111111111111111", Duration.ofSeconds(60));
        assertThat(EventCodec.decode(record.value(), ReportValidatedEvent.class).verdict())
                .isEqualTo(Verdict.UNREADABLE);
    }

    @Test
    void shouldAskForReviewWithReasonsWhenTheFileIsIncompleteAndTheIdentityUncertain() throws Exception {
        // Given: the golden parse (parts 五 and 六 and most rows not read), but from a file the extractor found
        // truncated, and with a doubt about the agency: nothing unread may count as missing
        String json = GoldenEvents.json(GoldenEvents.PARSED).replace("\"0cd22d9d18d83273\"", "\"2222222222222222\"")
                .replaceFirst("\"fileComplete\"\\s*:\\s*true", "\"fileComplete\": false")
                .replaceFirst("\"identityDoubts\"\\s*:\\s*\\[\\s*\\]", "\"identityDoubts\": [\"AGENCY_ABBREVIATED\"]");
        assertThat(json).contains("AGENCY_ABBREVIATED").contains("\"fileComplete\": false");
        // When
        send("2222222222222222", json);
        // Then
        var record = TopicReader.awaitKey(bootstrap, "reports.validated", "2222222222222222", Duration.ofSeconds(60));
        ReportValidatedEvent validated = EventCodec.decode(record.value(), ReportValidatedEvent.class);
        assertThat(validated.verdict()).isEqualTo(Verdict.NEEDS_REVIEW);
        assertThat(validated.reviewReasons()).contains("报告身份存疑：AGENCY_ABBREVIATED")
                .anyMatch(r -> r.startsWith("文件受损"));
        assertThat(validated.findings())
                .noneMatch(f -> f.severity() == io.annualreport.model.validation.Severity.ERROR);
        assertThat(validated.notAssessableReasons()).isNotEmpty()
                .allSatisfy((rule, reason) -> assertThat(reason).isNotBlank());
        assertThat(validated.notAssessableReasons().keySet()).isSubsetOf(validated.notAssessable());
    }

    @Test
    void shouldSendPoisonToTheDeadLetterTopic() throws Exception {
        send("poison-parsed", "[1,2,3]");
        var dead = TopicReader.awaitKey(bootstrap, "reports.parsed.dlq", "poison-parsed", Duration.ofSeconds(60));
        assertThat(dead.value()).isEqualTo("[1,2,3]");
    }

    private static String header(org.apache.kafka.clients.consumer.ConsumerRecord<String, String> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    @Test
    void shouldValidateAStoredParseRunAgainAsANewVerdictOfThatRun() throws Exception {
        // Given: store's request to check the golden parse run again, with the agency corrected to its full name
        String json = GoldenEvents.json(GoldenEvents.REVALIDATION_REQUESTED)
                .replace("\"0cd22d9d18d83273\"", "\"3333333333333333\"");
        ReportRevalidationRequestedEvent request = EventCodec.decode(json, ReportRevalidationRequestedEvent.class);
        // When: it is delivered twice (a redelivery after a crash)
        send("reports.revalidate", request.reportId(), json);
        send("reports.revalidate", request.reportId(), json);
        // Then: the verdict belongs to the stored parse run and has one id, derived from the request
        var records = TopicReader.awaitKeyCount(bootstrap, "reports.validated", request.reportId(), 2,
                Duration.ofSeconds(60));
        ReportValidatedEvent first = EventCodec.decode(records.get(0).value(), ReportValidatedEvent.class);
        ReportValidatedEvent second = EventCodec.decode(records.get(1).value(), ReportValidatedEvent.class);
        assertThat(first.parsedEventId()).isEqualTo(request.parsedEventId());
        assertThat(first.eventId()).isNotEqualTo(request.parsedEventId()).isEqualTo(second.eventId());
        assertThat(first.identity().agency()).isEqualTo("老城区数据局");
    }

    private void send(String key, String value) throws Exception {
        send("reports.parsed", key, value);
    }

    private void send(String topic, String key, String value) throws Exception {
        try (var producer = new KafkaProducer<String, String>(Map.of("bootstrap.servers", bootstrap),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }
}

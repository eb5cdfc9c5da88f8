package io.annualreport.store;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.annualreport.model.GoldenEvents;
import io.annualreport.model.event.EventCodec;
import io.annualreport.model.event.ReportParsedEvent;
import io.annualreport.model.event.ReportRevalidationRequestedEvent;
import io.annualreport.model.event.RevalidationCause;
import io.annualreport.model.event.Topics;
import io.annualreport.model.report.Cell;
import io.annualreport.model.report.CellSemantic;
import io.annualreport.model.report.ParsedReport;
import io.annualreport.store.service.Revalidation;
import io.annualreport.testsupport.KafkaBrokerResource;
import io.annualreport.testsupport.PostgresResource;
import io.annualreport.testsupport.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PostgresResource.class)
class RevalidationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    Revalidation revalidation;

    @Test
    void shouldSendTheStoredParseRunAsParsedWithTheCorrectionsLaidOver() throws Exception {
        // Given: the golden parse run (sections, cells with doubts, facts, reading report, full text) stored
        String reportId = GoldenFixtures.newReportId();
        ReportParsedEvent parsed = EventCodec.decode(GoldenFixtures.json(GoldenFixtures.rekeyed(GoldenEvents.PARSED,
                reportId, UUID.randomUUID(), Instant.parse("2026-01-20T08:15:31Z"))), ReportParsedEvent.class);
        send(Topics.PARSED, reportId, EventCodec.encode(parsed));
        await().atMost(WAIT).until(() -> given().get("/api/v1/reports/{id}", reportId).statusCode() == 200);
        // When: a reviewer corrects the doubtful fee cell
        Cell corrected = new Cell(new BigDecimal("0.6"), "0.6", CellSemantic.NUMERIC, 1, 40, "行政事业性收费\t0.6");
        ReportRevalidationRequestedEvent request = revalidation.request(reportId, RevalidationCause.CELLS_CORRECTED,
                "reviewer1", Map.of("t2.fees.amount_10k_yuan", corrected), null).orElseThrow();
        // Then: the request on the topic is the parsed report exactly as published, but for the corrected cell
        var record = TopicReader.awaitKey(bootstrap, Topics.REVALIDATE, reportId, WAIT);
        ReportRevalidationRequestedEvent sent = EventCodec.decode(record.value(),
                ReportRevalidationRequestedEvent.class);
        assertThat(sent.eventId()).isEqualTo(request.eventId());
        assertThat(sent.parsedEventId()).isEqualTo(parsed.eventId());
        assertThat(sent.parserVersion()).isEqualTo(parsed.parserVersion());
        assertThat(sent.requestedBy()).isEqualTo("reviewer1");
        Map<String, Cell> expectedCells = new LinkedHashMap<>(parsed.report().cells());
        expectedCells.put("t2.fees.amount_10k_yuan", corrected);
        ParsedReport p = parsed.report();
        ParsedReport expected = new ParsedReport(p.identity(), p.sections(), expectedCells, p.facts(), p.extraction(),
                p.parseWarnings(), p.text(), p.reading());
        assertThat(tree(sent.report())).isEqualTo(tree(expected));
        assertThat(sent.report().cells().get("t2.fees.amount_10k_yuan").isCertain()).isTrue();
    }

    @Test
    void shouldFileTheAnswerAsANewValidationRunOfTheSameParseRun() throws Exception {
        // Given: a report parsed and validated once
        String reportId = GoldenFixtures.newReportId();
        ReportParsedEvent parsed = GoldenFixtures.parsed(reportId, "复核局" + reportId, 2024, "2021", null);
        send(Topics.PARSED, reportId, EventCodec.encode(parsed));
        send(Topics.VALIDATED, reportId,
                EventCodec.encode(GoldenFixtures.validated(reportId, parsed.eventId(), "FAIL", true)));
        await().atMost(WAIT).until(() -> "FAIL".equals(given().get("/api/v1/reports/{id}", reportId).jsonPath()
                .getString("validation.verdict")));
        // When: validate answers a revalidation request for that parse run with a later verdict
        ObjectNode again = GoldenFixtures.rekeyed(GoldenEvents.VALIDATED, reportId, UUID.randomUUID(),
                Instant.now());
        again.put("parsedEventId", parsed.eventId().toString());
        again.put("verdict", "PASS");
        again.putArray("findings");
        send(Topics.VALIDATED, reportId, GoldenFixtures.json(again));
        // Then: the report shows the new verdict, with one parse run and two validation runs
        await().atMost(WAIT).until(() -> "PASS".equals(given().get("/api/v1/reports/{id}", reportId).jsonPath()
                .getString("validation.verdict")));
        List<String> stages = given().get("/api/v1/reports/{id}/runs", reportId).jsonPath().getList("runs.stage");
        assertThat(stages).filteredOn("PARSE"::equals).hasSize(1);
        assertThat(stages).filteredOn("VALIDATE"::equals).hasSize(2);
    }

    @Test
    void shouldAskForNothingWhenTheReportWasNeverParsed() {
        assertThat(revalidation.request("00000000000000ff", RevalidationCause.CELLS_CORRECTED, "reviewer1",
                Map.of(), null)).isEmpty();
    }

    private static JsonNode tree(Object value) throws Exception {
        return EventCodec.mapper().readTree(EventCodec.encode(value));
    }

    private void send(String topic, String key, String value) throws Exception {
        try (var producer = new KafkaProducer<String, String>(Map.of("bootstrap.servers", bootstrap),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }
}

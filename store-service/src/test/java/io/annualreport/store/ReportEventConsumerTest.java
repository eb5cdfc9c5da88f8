package io.annualreport.store;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.annualreport.model.GoldenEvents;
import io.annualreport.model.event.Topics;
import io.annualreport.testsupport.KafkaBrokerResource;
import io.annualreport.testsupport.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PostgresResource.class)
class ReportEventConsumerTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    DataSource dataSource;

    private KafkaCompanion kafka;

    @BeforeEach
    void connect() {
        kafka = new KafkaCompanion(bootstrap);
    }

    @AfterEach
    void disconnect() {
        kafka.close();
    }

    @Test
    void shouldStoreTheGoldenEventsAndServeTheDetail() {
        // Given
        String reportId = GoldenFixtures.tree(GoldenEvents.PARSED).get("reportId").asText();

        // When
        produce(Topics.SUBMITTED, reportId, GoldenEvents.json(GoldenEvents.SUBMITTED));
        produce(Topics.PARSED, reportId, GoldenEvents.json(GoldenEvents.PARSED));
        produce(Topics.VALIDATED, reportId, GoldenEvents.json(GoldenEvents.VALIDATED));

        // Then
        JsonPath detail = awaitStatus(reportId, "VALIDATED", d -> d.getString("validation.verdict") != null
                && d.getString("submittedAt") != null && !d.getMap("cells").isEmpty());
        assertThat(detail.getString("fileName")).isEqualTo("老城区政务服务和大数据管理局2021年政府信息公开工作年度报告.pdf");
        assertThat(detail.getString("sha256")).startsWith(reportId);
        assertThat(detail.getString("identity.agency")).isEqualTo("老城区政务服务和大数据管理局");
        assertThat(detail.getInt("identity.year")).isEqualTo(2021);
        assertThat(detail.getString("identity.edition")).isEqualTo("2021");
        assertThat(detail.getList("sections.number", Integer.class)).containsExactly(1, 3);
        assertThat(detail.getString("sections[0].heading")).isEqualTo("一、总体情况");
        assertThat(detail.getInt("cells.'t3.disclosed.total'.value")).isEqualTo(12);
        assertThat(detail.getString("cells.'t3.disclosed.total'.semantic")).isEqualTo("NUMERIC");
        assertThat(detail.getInt("cells.'t3.disclosed.total'.page")).isEqualTo(2);
        assertThat(detail.getString("cells.'t3.carried_over.total'.semantic")).isEqualTo("EMPTY");
        assertThat(detail.get("cells.'t3.carried_over.total'.value") == null).isTrue();
        assertThat(detail.getString("cells.'t4.all.review_total'.raw")).isEqualTo("/");
        assertThat(new BigDecimal(detail.getString("cells.'t2.fees.amount_10k_yuan'.value")))
                .isEqualByComparingTo("0.5");
        assertThat(detail.getList("facts.name", String.class))
                .containsExactly("applications_received", "documents_published");
        assertThat(detail.getString("validation.verdict")).isEqualTo("FAIL");
        assertThat(detail.getString("validation.rulesetVersion")).isEqualTo("2021-1.0.0");
        assertThat(detail.getList("validation.findings.ruleId", String.class)).containsExactly("T3-03", "S-17");
        assertThat(detail.getInt("validation.findings[0].expected")).isEqualTo(12);
        assertThat(detail.getList("validation.findings[0].cells", String.class)).contains("t3.new_received.total");
        assertThat(detail.get("failure") == null).isTrue();
        // the reading report, each cell's certainty, and why rules were not assessable
        assertThat(detail.getString("reading.tables[0].table")).isEqualTo("T3");
        assertThat(detail.getString("reading.tables[0].status")).isEqualTo("PARTLY_READ");
        assertThat(detail.getInt("reading.tables[0].rowsExpected")).isEqualTo(25);
        assertThat(detail.getInt("reading.tables[0].rowsRead")).isEqualTo(24);
        assertThat(detail.getInt("reading.tables[0].cellsDoubtful")).isEqualTo(1);
        assertThat(detail.getString("reading.tables[0].unread[0].subject")).isEqualTo("t3.withheld_third_party");
        assertThat(detail.getString("reading.tables[0].unread[0].reason")).isEqualTo("NUMBERS_NOT_PLACEABLE");
        assertThat(detail.getList("reading.parts.status", String.class))
                .containsExactly("READ", "PRESENT_UNREAD", "READ");
        assertThat(detail.getBoolean("reading.fileComplete")).isTrue();
        assertThat(detail.getString("cells.'t2.fees.amount_10k_yuan'.certainty")).isEqualTo("DOUBTFUL");
        assertThat(detail.getString("cells.'t2.fees.amount_10k_yuan'.doubt")).isEqualTo("OCR_LOW_CONFIDENCE");
        assertThat(detail.getString("cells.'t3.disclosed.total'.certainty")).isEqualTo("CERTAIN");
        assertThat(detail.get("cells.'t3.disclosed.total'.doubt") == null).isTrue();
        assertThat(detail.getList("validation.notAssessable", String.class)).containsExactly("Y-01");
        assertThat(detail.getString("validation.notAssessableReasons.'Y-01'")).isEqualTo("未找到该机关上一年度的报告");
        assertThat(detail.getList("validation.reviewReasons")).isEmpty();
        assertThat(count(
                "select count(*) from cell c join report r on r.current_parse_run_id = c.run_id where r.report_id = ?",
                reportId)).isEqualTo(5);
        assertThat(count("select count(*) from event_log where report_id = ?", reportId)).isEqualTo(3);
        assertThat(count("select count(*) from processing_run where report_id = ?", reportId)).isEqualTo(2);
    }

    @Test
    void shouldStoreTheSameCellsFromAParsedEventWithSourceLinesAsFromTheOlderShape() {
        // Given: the golden parse run in the older shape (a source in every cell) and in the shape with source lines
        String older = GoldenFixtures.newReportId();
        String slimmer = GoldenFixtures.newReportId();

        // When
        produce(Topics.PARSED, older, GoldenFixtures.json(
                GoldenFixtures.rekeyed(GoldenEvents.PARSED, older, UUID.randomUUID(), Instant.now())));
        produce(Topics.PARSED, slimmer, GoldenFixtures.json(
                GoldenFixtures.rekeyed(GoldenEvents.PARSED_SOURCE_LINES, slimmer, UUID.randomUUID(), Instant.now())));

        // Then: the same rows, each with its source line
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100))
                .until(() -> storedCells(older).size() == 5 && storedCells(slimmer).size() == 5);
        assertThat(storedCells(slimmer)).isEqualTo(storedCells(older))
                .contains("t3.disclosed.total|12|12|NUMERIC|2|61|(一) 予以公开\t12\t0\t0\t0\t0\t0\t12|null|null")
                .contains(
                        "t2.fees.amount_10k_yuan|0.5|0.5000|NUMERIC|1|40|行政事业性收费\t0.5000|DOUBTFUL|OCR_LOW_CONFIDENCE");
    }

    @Test
    void shouldEndFailedWithTheReasonOfTheGoldenFailure() {
        // Given
        String reportId = GoldenFixtures.tree(GoldenEvents.FAILED).get("reportId").asText();

        // When
        produce(Topics.FAILED, reportId, GoldenEvents.json(GoldenEvents.FAILED));

        // Then
        JsonPath detail = awaitStatus(reportId, "FAILED", d -> true);
        assertThat(detail.getString("failure.stage")).isEqualTo("PARSE");
        assertThat(detail.getString("failure.reason")).isEqualTo("ENCRYPTED");
        assertThat(detail.getString("failure.message")).isEqualTo("the PDF is password protected");
    }

    @Test
    void shouldStoreAnEventDeliveredTwiceOnce() {
        // Given
        String reportId = GoldenFixtures.newReportId();
        UUID parsedId = UUID.randomUUID();
        String parsed = GoldenFixtures.json(GoldenFixtures.rekeyed(GoldenEvents.PARSED, reportId, parsedId,
                Instant.parse("2026-01-20T08:15:31Z")));
        String sentinelReport = GoldenFixtures.newReportId();
        String sentinel = GoldenFixtures.json(GoldenFixtures.rekeyed(GoldenEvents.PARSED, sentinelReport,
                UUID.randomUUID(), Instant.parse("2026-01-20T08:15:31Z")));

        // When: the same record twice, then a record of another report on the same partition (same key)
        produce(Topics.PARSED, reportId, parsed);
        produce(Topics.PARSED, reportId, parsed);
        produce(Topics.PARSED, reportId, sentinel);

        // Then
        awaitStatus(sentinelReport, "PARSED", d -> true);
        assertThat(count("select count(*) from processing_run where report_id = ?", reportId)).isEqualTo(1);
        assertThat(count("select count(*) from event_log where report_id = ?", reportId)).isEqualTo(1);
        assertThat(
                count("select count(*) from cell c join processing_run pr on pr.id = c.run_id where pr.report_id = ?",
                        reportId))
                .isEqualTo(5);
        assertThat(count("select count(*) from processed_event where event_id = ?::uuid", parsedId.toString()))
                .isEqualTo(1);
        given().get("/api/v1/reports/{id}", reportId).then().statusCode(200).body("status", equalTo("PARSED"));
    }

    @Test
    void shouldHoldAValidationThatArrivesBeforeItsParseRunUntilTheParseRunIsStored() {
        // Given
        String reportId = GoldenFixtures.newReportId();
        UUID parsedId = UUID.randomUUID();
        ObjectNode parsed = GoldenFixtures.rekeyed(GoldenEvents.PARSED, reportId, parsedId,
                Instant.parse("2026-01-20T08:15:31Z"));
        ObjectNode validated = GoldenFixtures.rekeyed(GoldenEvents.VALIDATED, reportId, UUID.randomUUID(),
                Instant.parse("2026-01-20T08:15:32Z"));
        validated.put("parsedEventId", parsedId.toString());

        // When: the validation comes first (another partition, or a store restart between the two)
        produce(Topics.VALIDATED, reportId, GoldenFixtures.json(validated));
        await().atMost(WAIT)
                .until(() -> count("select count(*) from processing_run where report_id = ?", reportId) == 1);

        // Then: the verdict is stored but not shown: no VALIDATED without cells
        JsonPath held = given().get("/api/v1/reports/{id}", reportId).then().statusCode(200).extract().jsonPath();
        assertThat(held.getString("status")).isEqualTo("RECEIVED");
        assertThat(held.get("validation") == null).isTrue();
        assertThat(held.getMap("cells")).isEmpty();
        assertThat(count("select count(*) from report where report_id = ? and verdict is null", reportId))
                .isEqualTo(1);
        assertThat(given().queryParam("status", "VALIDATED").queryParam("size", 200).get("/api/v1/reports").then()
                .extract().jsonPath().getList("items.reportId", String.class)).doesNotContain(reportId);

        // When: its parse run arrives
        produce(Topics.PARSED, reportId, GoldenFixtures.json(parsed));

        // Then: VALIDATED, with the cells and the held verdict
        JsonPath detail = awaitStatus(reportId, "VALIDATED", d -> true);
        assertThat(detail.getString("validation.verdict")).isEqualTo("FAIL");
        assertThat(detail.getList("validation.findings.ruleId", String.class)).containsExactly("T3-03", "S-17");
        assertThat(detail.getInt("cells.'t3.disclosed.total'.value")).isEqualTo(12);
        assertThat(detail.getString("identity.title")).isEqualTo("老城区政务服务和大数据管理局2021年政府信息公开工作年度报告");
    }

    @Test
    void shouldShowTheParseRunAloneAsParsedAndBecomeValidatedWhenItsValidationArrives() {
        // Given
        String reportId = GoldenFixtures.newReportId();
        UUID parsedId = UUID.randomUUID();
        ObjectNode parsed = GoldenFixtures.rekeyed(GoldenEvents.PARSED, reportId, parsedId,
                Instant.parse("2026-01-20T08:15:31Z"));
        ObjectNode validated = GoldenFixtures.rekeyed(GoldenEvents.VALIDATED, reportId, UUID.randomUUID(),
                Instant.parse("2026-01-20T08:15:32Z"));
        validated.put("parsedEventId", parsedId.toString());

        // When: the usual order, parse run first
        produce(Topics.PARSED, reportId, GoldenFixtures.json(parsed));
        JsonPath parsedOnly = awaitStatus(reportId, "PARSED", d -> true);
        produce(Topics.VALIDATED, reportId, GoldenFixtures.json(validated));

        // Then
        assertThat(parsedOnly.get("validation") == null).isTrue();
        assertThat(parsedOnly.getInt("cells.'t3.disclosed.total'.value")).isEqualTo(12);
        JsonPath detail = awaitStatus(reportId, "VALIDATED", d -> true);
        assertThat(detail.getString("validation.verdict")).isEqualTo("FAIL");
        assertThat(detail.getInt("cells.'t3.disclosed.total'.value")).isEqualTo(12);
    }

    @Test
    void shouldStoreEveryKindOfEventRedeliveredWithTheSameIdOnce() {
        // Given: one event of each kind for one report, each delivered twice (as after a consumer or producer retry)
        String reportId = GoldenFixtures.newReportId();
        UUID parsedId = UUID.randomUUID();
        String submitted = GoldenFixtures.json(GoldenFixtures.rekeyed(GoldenEvents.SUBMITTED, reportId,
                UUID.randomUUID(), Instant.parse("2026-01-20T08:15:30Z")));
        String parsed = GoldenFixtures.json(GoldenFixtures.rekeyed(GoldenEvents.PARSED, reportId, parsedId,
                Instant.parse("2026-01-20T08:15:31Z")));
        ObjectNode validatedNode = GoldenFixtures.rekeyed(GoldenEvents.VALIDATED, reportId, UUID.randomUUID(),
                Instant.parse("2026-01-20T08:15:32Z"));
        validatedNode.put("parsedEventId", parsedId.toString());
        String validated = GoldenFixtures.json(validatedNode);
        String failed = GoldenFixtures.json(GoldenFixtures.rekeyed(GoldenEvents.FAILED, reportId, UUID.randomUUID(),
                Instant.parse("2026-01-20T08:15:29Z")));
        Map<String, String> events = Map.of(Topics.SUBMITTED, submitted, Topics.PARSED, parsed, Topics.VALIDATED,
                validated, Topics.FAILED, failed);

        // When: each twice, then on every topic a record of another report on the same partition (same key)
        List<String> sentinels = new ArrayList<>();
        for (Map.Entry<String, String> event : events.entrySet()) {
            produce(event.getKey(), reportId, event.getValue());
            produce(event.getKey(), reportId, event.getValue());
            String sentinel = GoldenFixtures.newReportId();
            sentinels.add(sentinel);
            String golden = Map.of(Topics.SUBMITTED, GoldenEvents.SUBMITTED, Topics.PARSED, GoldenEvents.PARSED,
                    Topics.VALIDATED, GoldenEvents.VALIDATED, Topics.FAILED, GoldenEvents.FAILED).get(event.getKey());
            produce(event.getKey(), reportId,
                    GoldenFixtures.json(GoldenFixtures.rekeyed(golden, sentinel, UUID.randomUUID(), Instant.now())));
        }

        // Then: once the sentinels are stored, every event of the report was applied exactly once
        await().atMost(WAIT).until(() -> sentinels.stream()
                .allMatch(id -> count("select count(*) from processed_event where report_id = ?", id) == 1));
        assertThat(count("select count(*) from processed_event where report_id = ?", reportId)).isEqualTo(4);
        assertThat(count("select count(*) from submission where report_id = ?", reportId)).isEqualTo(1);
        assertThat(count("select count(*) from processing_run where report_id = ?", reportId)).isEqualTo(2);
        assertThat(count("select count(*) from failure where report_id = ?", reportId)).isEqualTo(1);
        assertThat(count("select count(*) from event_log where report_id = ?", reportId)).isEqualTo(4);
        assertThat(count("select count(*) from cell c join processing_run pr on pr.id = c.run_id"
                + " where pr.report_id = ?", reportId)).isEqualTo(5);
        assertThat(count("select count(*) from finding f join processing_run pr on pr.id = f.run_id"
                + " where pr.report_id = ?", reportId)).isEqualTo(2);
        JsonPath detail = awaitStatus(reportId, "VALIDATED", d -> true);
        assertThat(detail.getList("validation.findings.ruleId", String.class)).containsExactly("T3-03", "S-17");
    }

    @Test
    void shouldKeepTheNewestRunWhenAnOlderRunArrivesLate() {
        // Given: a new validation run (PASS) and an old one (FAIL) that arrives after it
        String reportId = GoldenFixtures.newReportId();
        ObjectNode newer = GoldenFixtures.rekeyed(GoldenEvents.VALIDATED, reportId, UUID.randomUUID(),
                Instant.parse("2026-03-01T10:00:00Z"));
        newer.put("verdict", "PASS");
        newer.put("rulesetVersion", "2021-2.0.0");
        newer.putArray("findings");
        ObjectNode older = GoldenFixtures.rekeyed(GoldenEvents.VALIDATED, reportId, UUID.randomUUID(),
                Instant.parse("2026-01-20T08:15:32Z"));
        UUID parsedId = UUID.randomUUID();
        newer.put("parsedEventId", parsedId.toString());
        older.put("parsedEventId", parsedId.toString());

        // When
        produce(Topics.PARSED, reportId, GoldenFixtures.json(GoldenFixtures.rekeyed(GoldenEvents.PARSED, reportId,
                parsedId, Instant.parse("2026-01-20T08:15:31Z"))));
        produce(Topics.VALIDATED, reportId, GoldenFixtures.json(newer));
        produce(Topics.VALIDATED, reportId, GoldenFixtures.json(older));

        // Then
        await().atMost(WAIT)
                .until(() -> count("select count(*) from processing_run where report_id = ?", reportId) == 3);
        JsonPath detail = awaitStatus(reportId, "VALIDATED", d -> true);
        assertThat(detail.getString("validation.verdict")).isEqualTo("PASS");
        assertThat(detail.getString("validation.rulesetVersion")).isEqualTo("2021-2.0.0");
        assertThat(detail.getList("validation.findings")).isEmpty();
    }

    @Test
    void shouldSendAPoisonPayloadToTheDeadLetterTopicAndStoreTheNextEvent() {
        // Given
        String poisonKey = GoldenFixtures.newReportId();
        String reportId = GoldenFixtures.newReportId();
        String good = GoldenFixtures.json(GoldenFixtures.rekeyed(GoldenEvents.FAILED, reportId, UUID.randomUUID(),
                Instant.parse("2026-01-20T08:16:02Z")));

        // When
        produce(Topics.FAILED, poisonKey, "{\"eventId\": \"not-a-uuid\", \"reportId\": 42");
        produce(Topics.FAILED, poisonKey, good);

        // Then
        List<ConsumerRecord<String, String>> dead = kafka.consumeStrings()
                .fromTopics("reports.failed.store.dlq", 1).awaitCompletion(WAIT).getRecords();
        assertThat(dead).singleElement().satisfies(r -> assertThat(r.value()).contains("not-a-uuid"));
        JsonPath detail = awaitStatus(reportId, "FAILED", d -> true);
        assertThat(detail.getString("failure.reason")).isEqualTo("ENCRYPTED");
        assertThat(count("select count(*) from report where report_id = ?", poisonKey)).isZero();
    }

    @Test
    void shouldAnswer404ForAnUnknownReportAnd400ForAMalformedId() {
        // Given
        String unknown = GoldenFixtures.newReportId();

        // When / Then
        given().get("/api/v1/reports/{id}", unknown).then().statusCode(404)
                .body("error.code", equalTo("REPORT_NOT_FOUND"));
        given().get("/api/v1/reports/{id}", "../etc/passwd").then().statusCode(400)
                .body("error.code", equalTo("INVALID_REPORT_ID"));
        given().get("/api/v1/reports/{id}", "0CD22D9D18D83273").then().statusCode(400)
                .body("error.code", equalTo("INVALID_REPORT_ID"));
    }

    private void produce(String topic, String key, String value) {
        kafka.produceStrings().fromRecords(KafkaCompanion.record(topic, key, value)).awaitCompletion(WAIT);
    }

    private JsonPath awaitStatus(String reportId, String status, java.util.function.Predicate<JsonPath> also) {
        JsonPath[] last = new JsonPath[1];
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
            var response = given().get("/api/v1/reports/{id}", reportId);
            if (response.statusCode() != 200) {
                return false;
            }
            last[0] = response.jsonPath();
            return status.equals(last[0].getString("status")) && also.test(last[0]);
        });
        return last[0];
    }

    /** The stored cells of a report's current parse run, one line per cell in their order. */
    private List<String> storedCells(String reportId) {
        List<String> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select c.cell_key, c.value, c.raw, c.semantic, c.page, c.line, c.source, c.certainty, c.doubt
                from cell c join report r on r.current_parse_run_id = c.run_id where r.report_id = ?
                order by c.ordinal""")) {
            ps.setString(1, reportId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<String> columns = new ArrayList<>();
                    for (int i = 1; i <= 9; i++) {
                        columns.add(String.valueOf(rs.getObject(i)));
                    }
                    rows.add(String.join("|", columns));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    private long count(String sql, String parameter) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

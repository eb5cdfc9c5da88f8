package io.annualreport.store;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.annualreport.model.event.EventCodec;
import io.annualreport.model.event.ReportParsedEvent;
import io.annualreport.model.event.ReportSubmittedEvent;
import io.annualreport.model.event.Topics;
import io.annualreport.store.persistence.write.ParsedWriter;
import io.annualreport.store.persistence.write.SubmittedWriter;
import io.annualreport.store.persistence.write.ValidatedWriter;
import io.annualreport.testsupport.KafkaBrokerResource;
import io.annualreport.testsupport.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PostgresResource.class)
class ReportQueryResourceTest {

    @Inject
    SubmittedWriter submittedWriter;

    @Inject
    ParsedWriter parsedWriter;

    @Inject
    ValidatedWriter validatedWriter;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "blob.dir")
    String blobDir;

    /** Stores a submitted, parsed and (optionally) validated report; returns its id. */
    private String store(String agency, int year, String edition, String region, String verdict, boolean findings,
            Instant submittedAt) {
        String reportId = GoldenFixtures.newReportId();
        submittedWriter.apply(GoldenFixtures.submitted(reportId, agency, year, submittedAt, null));
        ReportParsedEvent parsed = GoldenFixtures.parsed(reportId, agency, year, edition, region);
        parsedWriter.apply(parsed);
        if (verdict != null) {
            validatedWriter.apply(GoldenFixtures.validated(reportId, parsed.eventId(), verdict, findings));
        }
        return reportId;
    }

    @Test
    void shouldFilterTheListByAgencyYearEditionVerdictRuleAndStatus() {
        // Given
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String failing = store("甲市测试局" + tag, 2021, "2021", "甲市", "FAIL", true, Instant.now());
        String passing = store("乙县测试局" + tag, 2020, "2019", "乙县", "PASS", false, Instant.now());
        String received = GoldenFixtures.newReportId();
        submittedWriter.apply(GoldenFixtures.submitted(received, "丙区测试局" + tag, 2021, Instant.now(), null));

        // When / Then
        assertThat(ids(Map.of("agency", tag))).containsExactlyInAnyOrder(failing, passing);
        assertThat(ids(Map.of("agency", "甲市测试局" + tag.toUpperCase()))).containsExactly(failing);
        assertThat(ids(Map.of("agency", tag, "verdict", "FAIL"))).containsExactly(failing);
        assertThat(ids(Map.of("agency", tag, "rule", "T3-03"))).containsExactly(failing);
        assertThat(ids(Map.of("agency", tag, "year", "2020"))).containsExactly(passing);
        assertThat(ids(Map.of("agency", tag, "edition", "2019"))).containsExactly(passing);
        assertThat(ids(Map.of("agency", tag, "region", "甲市"))).containsExactly(failing);
        assertThat(ids(Map.of("status", "RECEIVED"))).contains(received).doesNotContain(failing, passing);
        JsonPath page = given().queryParam("agency", tag).queryParam("size", 1).queryParam("page", 1)
                .get("/api/v1/reports").then().statusCode(200).extract().jsonPath();
        assertThat(page.getLong("total")).isEqualTo(2);
        assertThat(page.getList("items")).hasSize(1);
        given().queryParam("verdict", "MAYBE").get("/api/v1/reports").then().statusCode(400)
                .body("error.code", equalTo("INVALID_VERDICT"));
        given().queryParam("size", 100000).get("/api/v1/reports").then().statusCode(400)
                .body("error.code", equalTo("INVALID_PAGE"));
    }

    @Test
    void shouldAggregateVerdictsRulesAndCellSumsPerYear() {
        // Given
        String tag = UUID.randomUUID().toString().substring(0, 8);
        store("统计一局" + tag, 2021, "2021", null, "FAIL", true, Instant.now());
        store("统计二局" + tag, 2021, "2021", null, "FAIL", true, Instant.now());
        store("统计三局" + tag, 2021, "2021", null, "PASS", false, Instant.now());

        // When
        JsonPath stats = given().queryParam("agency", tag).get("/api/v1/aggregates").then().statusCode(200)
                .extract().jsonPath();

        // Then
        assertThat(stats.getLong("reports")).isEqualTo(3);
        assertThat(stats.getLong("byVerdict.FAIL")).isEqualTo(2);
        assertThat(stats.getLong("byVerdict.PASS")).isEqualTo(1);
        assertThat(stats.getInt("years[0].year")).isEqualTo(2021);
        assertThat(stats.getInt("years[0].cellSums.'t3.disclosed.total'")).isEqualTo(36);
        assertThat(stats.getString("topFailingRules[0].ruleId")).isEqualTo("T3-03");
        assertThat(stats.getLong("topFailingRules[0].reports")).isEqualTo(2);
        assertThat(stats.getList("topFailingRules.ruleId", String.class)).contains("S-17");
        assertThat(stats.getList("verdictsOverTime")).isNotEmpty();
    }

    @Test
    void shouldKnowNeedsReviewInFiltersStatisticsAndExports() throws Exception {
        // Given: one report for a human to review, one that fails
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String review = store("复核测试局" + tag, 2021, "2021", null, "NEEDS_REVIEW", false, Instant.now());
        String failing = store("复核对照局" + tag, 2021, "2021", null, "FAIL", true, Instant.now());

        // When
        JsonPath stats = given().queryParam("agency", tag).get("/api/v1/aggregates").then().statusCode(200)
                .extract().jsonPath();
        String cells = given().queryParam("agency", tag).queryParam("verdict", "NEEDS_REVIEW")
                .queryParam("headers", "keys").get("/api/v1/exports/cells.csv").then().statusCode(200).extract()
                .asString();
        String findings = given().queryParam("agency", tag).get("/api/v1/exports/findings.csv").then()
                .statusCode(200).extract().asString();

        // Then
        assertThat(ids(Map.of("agency", tag, "verdict", "NEEDS_REVIEW"))).containsExactly(review);
        assertThat(ids(Map.of("agency", tag, "verdict", "FAIL"))).containsExactly(failing);
        assertThat(stats.getLong("byVerdict.NEEDS_REVIEW")).isEqualTo(1);
        assertThat(stats.getLong("byVerdict.FAIL")).isEqualTo(1);
        assertThat(stats.getLong("byVerdict.PASS")).isZero();
        assertThat(stats.getLong("years[0].byVerdict.NEEDS_REVIEW")).isEqualTo(1);
        List<String> header = List.of(cells.lines().findFirst().orElseThrow().replace("\uFEFF", "").split(","));
        List<String> lines = cells.lines().skip(1).toList();
        assertThat(lines).hasSize(5).allSatisfy(line -> assertThat(line).contains("\"" + review + "\"")
                .contains("\"NEEDS_REVIEW\""));
        assertThat(lines)
                .allSatisfy(line -> assertThat(List.of(line.split(",", -1)).get(header.indexOf("verdict_label")))
                        .isEqualTo("\"待人工复核\""));
        // no reviewer corrected these cells: the correction columns are empty
        assertThat(lines)
                .allSatisfy(line -> assertThat(List.of(line.split(",", -1)).get(header.indexOf("corrected_value")))
                        .isEmpty());
        // the golden parse read the fees cell with low OCR confidence; the other cells are certain
        String fees = lines.stream().filter(l -> l.contains("\"t2.fees.amount_10k_yuan\"")).findFirst().orElseThrow();
        assertThat(List.of(fees.split(",")).subList(header.indexOf("certainty"), header.indexOf("doubt") + 1))
                .containsExactly("\"DOUBTFUL\"", "\"OCR_LOW_CONFIDENCE\"");
        String disclosed = lines.stream().filter(l -> l.contains("\"t3.disclosed.total\"")).findFirst()
                .orElseThrow();
        assertThat(List.of(disclosed.split(",")).get(header.indexOf("certainty"))).isEqualTo("\"CERTAIN\"");
        // each of the two findings of the failing report ends its row with the verdict's label (evidence may span
        // lines, so rows are told apart by their terminator)
        assertThat(findings.lines().findFirst().orElseThrow()).endsWith(",审查结果");
        assertThat(findings.split(",\"不通过\"\r\n", -1)).hasSize(3);
    }

    @Test
    void shouldLinkVersionsOfOneAgencyAndYearAndMarkTheNewestCurrent() {
        // Given
        String agency = "版本测试局" + UUID.randomUUID().toString().substring(0, 8);
        String first = store(agency, 2022, "2021", null, "FAIL", true, Instant.parse("2023-01-20T00:00:00Z"));
        String corrected = store(agency, 2022, "2021", null, "PASS", false, Instant.parse("2023-02-01T00:00:00Z"));

        // When
        JsonPath versions = given().get("/api/v1/reports/{id}/versions", first).then().statusCode(200).extract()
                .jsonPath();

        // Then
        assertThat(versions.getList("versions.reportId", String.class)).containsExactly(corrected, first);
        assertThat(versions.getList("versions.currentVersion", Boolean.class)).containsExactly(true, false);
        assertThat(given().queryParam("agency", agency).queryParam("year", 2022).get("/api/v1/versions").then()
                .statusCode(200).extract().jsonPath().getList("versions.reportId", String.class))
                .containsExactly(corrected, first);
        JsonPath stats = given().queryParam("agency", agency).get("/api/v1/aggregates").then().extract().jsonPath();
        assertThat(stats.getLong("reports")).isEqualTo(1);
        assertThat(stats.getLong("byVerdict.PASS")).isEqualTo(1);
    }

    @Test
    void shouldStoreManyVersionsOfOneAgencyAndYearConcurrentlyWithOneCurrent() throws Exception {
        // Given: versions of one agency and year stored from four threads at once, as parallel consumers do
        String agency = "并发测试局" + UUID.randomUUID().toString().substring(0, 8);
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(4);
        List<java.util.concurrent.Future<String>> stored = new java.util.ArrayList<>();
        Instant base = Instant.parse("2024-01-01T00:00:00Z");

        // When
        for (int i = 0; i < 16; i++) {
            Instant submittedAt = base.plusSeconds(i);
            stored.add(threads.submit(() -> store(agency, 2023, "2021", null, "PASS", false, submittedAt)));
        }
        List<String> ids = new java.util.ArrayList<>();
        try {
            for (java.util.concurrent.Future<String> future : stored) {
                ids.add(future.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
        } finally {
            threads.shutdownNow();
        }

        // Then
        JsonPath versions = given().queryParam("agency", agency).queryParam("year", 2023).get("/api/v1/versions")
                .then().statusCode(200).extract().jsonPath();
        assertThat(versions.getList("versions.reportId", String.class)).hasSize(16).first().isEqualTo(ids.get(15));
        assertThat(versions.getList("versions.currentVersion", Boolean.class)).containsOnlyOnce(true);
        assertThat(given().queryParam("agency", agency).queryParam("current", true).get("/api/v1/reports").then()
                .extract().jsonPath().getList("items.reportId", String.class)).containsExactly(ids.get(15));
    }

    @Test
    void shouldKeepTheHistoryOfRunsAndTheEventLog() {
        // Given
        String reportId = store("历史测试局", 2021, "2021", null, "FAIL", true, Instant.now());

        // When
        JsonPath runs = given().get("/api/v1/reports/{id}/runs", reportId).then().statusCode(200).extract().jsonPath();
        JsonPath log = given().get("/api/v1/reports/{id}/events", reportId).then().statusCode(200).extract()
                .jsonPath();

        // Then
        assertThat(runs.getList("runs.stage", String.class)).containsExactly("PARSE", "VALIDATE");
        assertThat(runs.getList("runs.parserVersion", String.class)).containsOnly("0.1.0");
        assertThat(runs.getString("runs[1].rulesetVersion")).isEqualTo("2021-1.0.0");
        assertThat(log.getList("events.eventType", String.class))
                .containsExactlyInAnyOrder("ReportSubmittedEvent", "ReportParsedEvent", "ReportValidatedEvent");
        assertThat(log.getLong("events.find { it.eventType == 'ReportParsedEvent' }.durationMillis")).isEqualTo(35);
    }

    @Test
    void shouldExportCellsAndFindingsAsCsvAndXlsx() throws Exception {
        // Given
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String reportId = store("=HYPERLINK(\"http://x\")导出局" + tag, 2021, "2021", null, "FAIL", true, Instant.now());

        // When
        String cells = given().queryParam("agency", tag).get("/api/v1/exports/cells.csv").then().statusCode(200)
                .extract().asString();
        String findings = given().queryParam("agency", tag).get("/api/v1/exports/findings.csv").then()
                .statusCode(200).extract().asString();
        byte[] xlsx = given().queryParam("agency", tag).get("/api/v1/exports/cells.xlsx").then().statusCode(200)
                .extract().asByteArray();

        // Then
        List<String> lines = cells.lines().toList();
        // Chinese headers by default, the keys for programs on request
        assertThat(lines.get(0)).isEqualTo("\uFEFF报告编号,机关名称,地区,年度,格式版本,审查结果代码,单元格代码,单元格,数值,原文,数值类别,页码,"
                + "读取确定性,存疑原因,审查结果,更正后数值,更正后原文,更正人,更正说明");
        assertThat(given().queryParam("agency", tag).queryParam("headers", "keys").get("/api/v1/exports/cells.csv")
                .then().statusCode(200).extract().asString().lines().findFirst().orElseThrow())
                .contains("report_id,agency,region,year,edition,verdict,cell_key,label,value");
        given().queryParam("headers", "english").get("/api/v1/exports/cells.csv").then().statusCode(400);
        assertThat(lines).hasSize(6);
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("\"" + reportId + "\"")
                .contains("\"t3.disclosed.total\"").contains("\"表三 · 三、本年度办理结果 · （一）予以公开 · 总计\"").contains(",12,"));
        assertThat(lines.get(1)).contains("\"'=HYPERLINK(\"\"http://x\"\")导出局");
        assertThat(findings).startsWith("\uFEFF报告编号,机关名称,").contains("\"T3-03\"").contains("\"S-17\"")
                .contains("\"t3.new_received.total t3.carried_over.total");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(5);
            boolean found = false;
            for (Row row : sheet) {
                if ("t3.disclosed.total".equals(row.getCell(6).getStringCellValue())) {
                    assertThat(row.getCell(8).getNumericCellValue()).isEqualTo(12.0);
                    assertThat(row.getCell(1).getStringCellValue()).startsWith("=HYPERLINK");
                    assertThat(row.getCell(1).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
                    found = true;
                }
            }
            assertThat(found).isTrue();
        }
        given().get("/api/v1/exports/cells.pdf").then().statusCode(400);
    }

    @Test
    void shouldServeTheOriginalFileOnlyFromTheBlobDirectory() throws Exception {
        // Given
        String inside = GoldenFixtures.newReportId();
        Path blob = Path.of(blobDir).toAbsolutePath().resolve(inside.substring(0, 2)).resolve(inside);
        Files.createDirectories(blob.getParent());
        Files.writeString(blob, "原始文件内容", StandardCharsets.UTF_8);
        submittedWriter.apply(GoldenFixtures.submitted(inside, "下载测试局", 2021, Instant.now(), blob.toUri().toString()));
        String outside = GoldenFixtures.newReportId();
        submittedWriter.apply(GoldenFixtures.submitted(outside, "下载测试局", 2021, Instant.now(), "file:///etc/passwd"));
        String traversal = GoldenFixtures.newReportId();
        submittedWriter.apply(GoldenFixtures.submitted(traversal, "下载测试局", 2021, Instant.now(),
                Path.of(blobDir).toAbsolutePath().toUri() + "../../pom.xml"));

        // When / Then
        byte[] body = given().get("/api/v1/reports/{id}/file", inside).then().statusCode(200)
                .header("Content-Disposition", org.hamcrest.Matchers.containsString("filename*=UTF-8''"))
                .extract().asByteArray();
        assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo("原始文件内容");
        given().get("/api/v1/reports/{id}/file", outside).then().statusCode(403)
                .body("error.code", equalTo("BLOB_OUTSIDE_STORE"));
        given().get("/api/v1/reports/{id}/file", traversal).then().statusCode(403)
                .body("error.code", equalTo("BLOB_OUTSIDE_STORE"));
        given().get("/api/v1/reports/{id}/file", GoldenFixtures.newReportId()).then().statusCode(404);
    }

    @Test
    void shouldReprocessAReportByPublishingAFreshSubmission() {
        // Given
        String reportId = store("重跑测试局", 2021, "2021", null, "FAIL", true, Instant.parse("2024-01-05T00:00:00Z"));

        // When
        String eventId = given().auth().preemptive().basic("reviewer", "reviewer")
                .post("/api/v1/reports/{id}/reprocess", reportId).then().statusCode(202).extract()
                .jsonPath().getString("reprocessed[0].eventId");

        // Then
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            ConsumerTask<String, String> task = kafka.consumeStrings().fromTopics(Topics.SUBMITTED);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> task.getRecords().stream().anyMatch(r -> r.value().contains(eventId)));
            task.stop();
            ConsumerRecord<String, String> record = task.getRecords().stream()
                    .filter(r -> r.value().contains(eventId)).findFirst().orElseThrow();
            ReportSubmittedEvent event = EventCodec.decode(record.value(), ReportSubmittedEvent.class);
            assertThat(record.key()).isEqualTo(reportId);
            assertThat(event.reportId()).isEqualTo(reportId);
            assertThat(event.declaredAgency()).isEqualTo("重跑测试局");
            assertThat(event.submittedAt()).isEqualTo(Instant.parse("2024-01-05T00:00:00Z"));
            assertThat(event.occurredAt()).isAfter(Instant.parse("2024-01-05T00:00:00Z"));
        }
        given().auth().preemptive().basic("reviewer", "reviewer")
                .post("/api/v1/reports/{id}/reprocess", GoldenFixtures.newReportId()).then().statusCode(404);
    }

    @Test
    void shouldPublishTheOpenApiDocumentAndTheDashboard() {
        // Given / When
        String openApi = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract()
                .asString();
        String dashboard = given().get("/").then().statusCode(200).extract().asString();

        // Then
        assertThat(openApi).contains("/api/v1/reports/{reportId}").contains("/api/v1/aggregates")
                .contains("/api/v1/exports/{dataset}.{format}").contains("/api/v1/events");
        assertThat(dashboard).contains("<html lang=\"zh-CN\">").contains("app.js");
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    private static List<String> ids(Map<String, String> query) {
        return given().queryParams(query).queryParam("size", 200).get("/api/v1/reports").then().statusCode(200)
                .extract().jsonPath().getList("items.reportId", String.class);
    }
}

package io.annualreport.store;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import jakarta.inject.Inject;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.annualreport.model.GoldenEvents;
import io.annualreport.model.event.EventCodec;
import io.annualreport.model.event.ReportParsedEvent;
import io.annualreport.model.event.ReportRevalidationRequestedEvent;
import io.annualreport.model.event.ReportSubmittedEvent;
import io.annualreport.model.event.ReportValidatedEvent;
import io.annualreport.model.event.RevalidationCause;
import io.annualreport.model.event.Topics;
import io.annualreport.model.report.Cell;
import io.annualreport.store.persistence.write.ParsedWriter;
import io.annualreport.store.persistence.write.SubmittedWriter;
import io.annualreport.store.persistence.write.ValidatedWriter;
import io.annualreport.store.review.ReviewLetter;
import io.annualreport.testsupport.KafkaBrokerResource;
import io.annualreport.testsupport.PostgresResource;
import io.annualreport.testsupport.Samples;
import io.annualreport.testsupport.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * A reviewer's work on stored reports over the API: corrections kept as versions beside the machine value, decisions
 * on findings, rectification against the previous version, page pictures and the review letter.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PostgresResource.class)
class ReviewWorkflowTest {

    private static final String T3_03 = "T3-03|t3.carried_forward.total,t3.carried_over.total,t3.new_received.total,"
            + "t3.total_handled.total";

    @Inject
    SubmittedWriter submittedWriter;

    @Inject
    ParsedWriter parsedWriter;

    @Inject
    ValidatedWriter validatedWriter;

    @ConfigProperty(name = "blob.dir")
    String blobDir;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private static RequestSpecification reviewer() {
        return given().auth().preemptive().basic("reviewer", "reviewer").contentType(ContentType.JSON);
    }

    /** Stores a report of the golden parse with the golden findings (T3-03, S-17), or only T3-03. */
    private String store(String agency, Instant submittedAt, boolean withS17, String blobUri, String mediaType) {
        return store(agency, submittedAt, withS17, blobUri, mediaType, "测试区");
    }

    private String store(String agency, Instant submittedAt, boolean withS17, String blobUri, String mediaType,
            String region) {
        String reportId = GoldenFixtures.newReportId();
        ObjectNode submitted = (ObjectNode) EventCodec.mapper()
                .valueToTree(GoldenFixtures.submitted(reportId, agency, 2021, submittedAt, blobUri));
        if (mediaType != null) {
            submitted.put("mediaType", mediaType);
        }
        submittedWriter.apply(EventCodec.decode(submitted.toString(), ReportSubmittedEvent.class));
        ReportParsedEvent parsed = GoldenFixtures.parsed(reportId, agency, 2021, "2021", region);
        ObjectNode parsedTree = (ObjectNode) EventCodec.mapper().valueToTree(parsed);
        ObjectNode cell = (ObjectNode) parsedTree.get("report").get("cells").get("t3.new_received.total");
        cell.put("page", 3).put("source", "一、本年新收政府信息公开申请数量 95 0 0 0 0 0 95");
        parsedWriter.apply(EventCodec.decode(parsedTree.toString(), ReportParsedEvent.class));
        ObjectNode validated = GoldenFixtures.rekeyed(GoldenEvents.VALIDATED, reportId, UUID.randomUUID(),
                submittedAt.plusSeconds(5));
        validated.put("parsedEventId", parsed.eventId().toString());
        if (!withS17) {
            ArrayNode findings = (ArrayNode) validated.get("findings");
            findings.remove(1);
            validated.put("verdict", "FAIL");
        }
        validatedWriter.apply(EventCodec.decode(validated.toString(), ReportValidatedEvent.class));
        return reportId;
    }

    @Test
    void shouldKeepEveryCorrectionAsAVersionBesideTheMachineValue() {
        String reportId = store("更正测试局", Instant.now(), true, null, null);
        String machineRaw = given().get("/api/v1/reports/{id}", reportId).jsonPath()
                .getString("cells.'t3.new_received.total'.raw");

        reviewer().body(Map.of("value", "九十五")).post("/api/v1/reports/{id}/cells/t3.new_received.total/corrections",
                reportId).then().statusCode(400).body("error.code", equalTo("INVALID_VALUE"));
        reviewer().body(Map.of("value", "5")).post("/api/v1/reports/{id}/cells/t9.nothing.total/corrections", reportId)
                .then().statusCode(400).body("error.code", equalTo("UNKNOWN_CELL"));
        reviewer().body(Map.of("value", "11", "note", "第一次核对")).post(
                "/api/v1/reports/{id}/cells/t3.new_received.total/corrections", reportId).then().statusCode(201)
                .body("correction.by", equalTo("reviewer")).body("correction.machineRaw", equalTo(machineRaw))
                .body("revalidationEventId", org.hamcrest.Matchers.notNullValue());
        String requested = reviewer().body(Map.of("value", "1,010", "note", "原件第3页为1,010")).post(
                "/api/v1/reports/{id}/cells/t3.new_received.total/corrections", reportId).then().statusCode(201)
                .extract().jsonPath().getString("revalidationEventId");

        // the stored parse run goes to validation again with the corrected cell laid over it, certain
        ReportRevalidationRequestedEvent request = EventCodec.decode(TopicReader.await(bootstrap, Topics.REVALIDATE,
                r -> r.value().contains(requested), Duration.ofSeconds(60)).value(),
                ReportRevalidationRequestedEvent.class);
        assertThat(request.cause()).isEqualTo(RevalidationCause.CELLS_CORRECTED);
        assertThat(request.requestedBy()).isEqualTo("reviewer");
        Cell corrected = request.report().cells().get("t3.new_received.total");
        assertThat(corrected.value()).isEqualByComparingTo("1010");
        assertThat(corrected.isCertain()).isTrue();
        assertThat(corrected.page()).isEqualTo(3);
        assertThat(request.report().cells().get("t3.disclosed.total").raw())
                .isEqualTo(given().get("/api/v1/reports/{id}", reportId).jsonPath()
                        .getString("cells.'t3.disclosed.total'.raw"));

        // the detail keeps the machine value and carries the current correction with its version
        given().get("/api/v1/reports/{id}", reportId).then()
                .body("cells.'t3.new_received.total'.raw", equalTo(machineRaw))
                .body("cells.'t3.new_received.total'.correction.value", equalTo(1010))
                .body("cells.'t3.new_received.total'.correction.raw", equalTo("1,010"))
                .body("cells.'t3.new_received.total'.correction.version", equalTo(2))
                .body("cells.'t3.new_received.total'.correction.note", equalTo("原件第3页为1,010"))
                .body("cells.'t3.disclosed.total'.correction", nullValue());
        // the history shows every change
        given().get("/api/v1/reports/{id}/review", reportId).then().body("corrections", hasSize(2))
                .body("corrections[0].raw", equalTo("11")).body("corrections[0].note", equalTo("第一次核对"))
                .body("corrections[1].raw", equalTo("1,010"));
        // the cell export carries both
        String csv = given().get("/api/v1/exports/cells.csv?agency=更正测试局").then().statusCode(200).extract()
                .asString();
        String row = csv.lines().filter(line -> line.contains(reportId) && line.contains("t3.new_received.total"))
                .findFirst().orElseThrow();
        assertThat(row).contains("1010").contains("reviewer").contains("原件第3页为1,010");
    }

    @Test
    void shouldRecordDecisionsAndLeaveDismissedFindingsOutOfTheLetter() throws IOException {
        String reportId = store("决定测试局", Instant.now(), true, null, null);

        reviewer().body(Map.of("findingKey", "S-17|", "decision", "DISMISSED")).post("/api/v1/reports/{id}/decisions",
                reportId).then().statusCode(400).body("error.code", equalTo("REASON_REQUIRED"));
        reviewer().body(Map.of("findingKey", "X-99|", "decision", "CONFIRMED")).post("/api/v1/reports/{id}/decisions",
                reportId).then().statusCode(400).body("error.code", equalTo("UNKNOWN_FINDING"));
        reviewer().body(Map.of("findingKey", "S-17|", "decision", "DISMISSED", "reason", "第六部分已说明未收费"))
                .post("/api/v1/reports/{id}/decisions", reportId).then().statusCode(201);
        reviewer().body(Map.of("findingKey", T3_03, "decision", "CONFIRMED")).post("/api/v1/reports/{id}/decisions",
                reportId).then().statusCode(201);
        reviewer().body(Map.of("findingKey", T3_03, "decision", "NOTE", "reason", "请机关核对结转数"))
                .post("/api/v1/reports/{id}/decisions", reportId).then().statusCode(201);

        given().get("/api/v1/reports/{id}/review", reportId).then()
                .body("findings.find { it.ruleId == 'S-17' }.decision", equalTo("DISMISSED"))
                .body("findings.find { it.ruleId == 'S-17' }.decisionLabel", equalTo("驳回"))
                .body("findings.find { it.ruleId == 'S-17' }.inLetter", equalTo(false))
                .body("findings.find { it.ruleId == 'T3-03' }.decision", equalTo("CONFIRMED"))
                .body("findings.find { it.ruleId == 'T3-03' }.notes[0].reason", equalTo("请机关核对结转数"))
                .body("findings.find { it.ruleId == 'T3-03' }.cellLabels[0]",
                        equalTo("表三 一、本年新收政府信息公开申请数量 / 总计"));

        byte[] docx = given().get("/api/v1/reports/{id}/letter.docx", reportId).then().statusCode(200).extract()
                .asByteArray();
        String letter;
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx));
                XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
            letter = extractor.getText();
        }
        assertThat(letter).contains("关于决定测试局2021年度政府信息公开工作年度报告的审查意见书").contains("不通过")
                .contains("表三 一、本年新收政府信息公开申请数量 / 总计").contains("T3-03").contains("第3页")
                .contains("表三勾稽关系不成立").doesNotContain("S-17").doesNotContain("信息处理费");

        if (ReviewLetter.font().isPresent()) {
            byte[] pdf = given().get("/api/v1/reports/{id}/letter.pdf", reportId).then().statusCode(200)
                    .contentType("application/pdf").extract().asByteArray();
            try (PDDocument document = Loader.loadPDF(pdf)) {
                String text = new PDFTextStripper().getText(document);
                assertThat(text).contains("审查意见书").contains("T3-03").doesNotContain("S-17");
            }
        } else {
            given().get("/api/v1/reports/{id}/letter.pdf", reportId).then().statusCode(503)
                    .body("error.code", equalTo("NO_CJK_FONT"));
        }
    }

    @Test
    void shouldShowWhichFindingsOfThePreviousVersionANewVersionResolved() {
        String agency = "整改测试局" + UUID.randomUUID().toString().substring(0, 6);
        String first = store(agency, Instant.parse("2025-03-01T00:00:00Z"), true, null, null);
        String second = store(agency, Instant.parse("2025-04-01T00:00:00Z"), false, null, null);

        given().get("/api/v1/reports/{id}/review", second).then().body("previousVersion.reportId", equalTo(first))
                .body("previousVersion.findings.find { it.ruleId == 'S-17' }.status", equalTo("RESOLVED"))
                .body("previousVersion.findings.find { it.ruleId == 'S-17' }.statusLabel", equalTo("已整改"))
                .body("previousVersion.findings.find { it.ruleId == 'T3-03' }.status", equalTo("OPEN"))
                .body("findings.find { it.ruleId == 'T3-03' }.previously", equalTo("OPEN"));
        given().get("/api/v1/reports/{id}/review", first).then().body("previousVersion", nullValue());
    }

    @Test
    void shouldZipTheLettersOfTheCurrentVersionOfEveryReportOfARegion() throws IOException {
        String region = "批量区" + UUID.randomUUID().toString().substring(0, 6);
        String one = store("批量测试甲局", Instant.now(), true, null, null, region);
        String other = store("批量测试乙局", Instant.now(), false, null, null, region);
        store("批量测试丙局", Instant.now(), false, null, null, "别的区");

        byte[] zip = given().get("/api/v1/letters.zip?region=" + region).then().statusCode(200)
                .contentType("application/zip").extract().asByteArray();
        java.util.Map<String, String> letters = new java.util.TreeMap<>();
        try (java.util.zip.ZipInputStream entries = new java.util.zip.ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(entries.readAllBytes()));
                        XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
                    letters.put(entry.getName(), extractor.getText());
                }
            }
        }
        assertThat(letters).containsOnlyKeys("review-letter-" + one + ".docx", "review-letter-" + other + ".docx");
        assertThat(letters.get("review-letter-" + one + ".docx")).contains("批量测试甲局").contains("S-17");
        assertThat(letters.get("review-letter-" + other + ".docx")).contains("批量测试乙局").doesNotContain("S-17");
        given().get("/api/v1/letters.zip?region=无此地区").then().statusCode(404);
    }

    @Test
    void shouldShowThePageCroppedToTheCellsRowOrWholeWhenThePageIsAScan() throws IOException {
        Path blobs = Path.of(blobDir).toAbsolutePath();
        Files.createDirectories(blobs);
        Path born = blobs.resolve("review-born-digital.pdf");
        Files.copy(Samples.file("real/hzq2024_working.pdf"), born, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path scan = blobs.resolve("review-scanned.pdf");
        Files.write(scan, ScannedPdf.of(Files.readAllBytes(born), 3));
        Path text = blobs.resolve("review.txt");
        Files.writeString(text, "一、本年新收政府信息公开申请数量 95", StandardCharsets.UTF_8);
        String digital = store("页图测试局", Instant.now(), true, born.toUri().toString(), "application/pdf");
        String scanned = store("页图测试局", Instant.now(), true, scan.toUri().toString(), "application/pdf");
        String plain = store("页图测试局", Instant.now(), true, text.toUri().toString(), "text/plain");

        var whole = given().get("/api/v1/reports/{id}/pages/3", digital).then().statusCode(200)
                .contentType("image/png").header("X-Page-Cropped", "false").extract().asByteArray();
        var row = given().get("/api/v1/reports/{id}/pages/3?cell=t3.new_received.total", digital).then()
                .statusCode(200).header("X-Page-Cropped", "true").extract().asByteArray();
        int wholeHeight = ImageIO.read(new ByteArrayInputStream(whole)).getHeight();
        int rowHeight = ImageIO.read(new ByteArrayInputStream(row)).getHeight();
        assertThat(rowHeight).isLessThan(wholeHeight / 4);

        var scannedPage = given().get("/api/v1/reports/{id}/pages/1?cell=t3.new_received.total", scanned).then()
                .statusCode(200).header("X-Page-Cropped", "false").extract().asByteArray();
        assertThat(ImageIO.read(new ByteArrayInputStream(scannedPage)).getHeight()).isGreaterThan(500);

        given().get("/api/v1/reports/{id}/pages/99", digital).then().statusCode(404)
                .body("error.code", equalTo("NO_SUCH_PAGE"));
        given().get("/api/v1/reports/{id}/pages/1", plain).then().statusCode(404)
                .body("error.code", equalTo("NO_PAGE_IMAGES"));
    }
}

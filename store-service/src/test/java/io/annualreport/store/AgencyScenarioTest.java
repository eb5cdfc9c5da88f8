package io.annualreport.store;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.annualreport.model.event.EventCodec;
import io.annualreport.model.event.ReportRevalidationRequestedEvent;
import io.annualreport.model.event.RevalidationCause;
import io.annualreport.model.event.Topics;
import io.annualreport.model.history.CrossYearContext;
import io.annualreport.model.validation.Finding;
import io.annualreport.rules.ValidationResult;
import io.annualreport.testsupport.KafkaBrokerResource;
import io.annualreport.testsupport.PostgresResource;
import io.annualreport.testsupport.Samples;
import io.annualreport.testsupport.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * One agency across the years, through the real broker and PostgreSQL: the printed names with and without the city
 * link as one agency in either order, Y-01 is assessed on the later year, the agency page's API and the comparison
 * DOCX (opened with POI: there is no LibreOffice on the build machine).
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PostgresResource.class)
class AgencyScenarioTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void shouldLinkThe2024PdfAndALate2023ReportAsOneAgencyAndAssessY01() throws Exception {
        AgencyReports reports = new AgencyReports(bootstrap);
        // Given: the real 2024 report of 淮安市洪泽区人民政府, validated while no 2023 report is stored
        AgencyReports.Stored y2024 = reports.submit(Samples.file("real/hzq2024_working.pdf"), "application/pdf");
        assertThat(y2024.report().identity().agency()).isEqualTo("淮安市洪泽区人民政府");
        assertThat(y2024.result().notAssessable()).contains("Y-01");
        // When: 洪泽区人民政府's 2023 report arrives late (one application carried forward, which 2024 does not carry over)
        Path made = AgencyReports.madeFromSeed("洪泽区人民政府", 2023, 1);
        AgencyReports.Stored y2023 = reports.submit(made, "text/plain");
        assertThat(y2023.report().identity().agency()).isEqualTo("洪泽区人民政府");
        // Then: both are one agency
        long agencyId = agencyOf(y2024.reportId());
        assertThat(agencyOf(y2023.reportId())).isEqualTo(agencyId);
        JsonPath agency = given().get("/api/v1/agencies/{id}", agencyId).then().statusCode(200).extract().jsonPath();
        assertThat(agency.getString("name")).isEqualTo("淮安市洪泽区人民政府");
        assertThat(agency.getString("regionCode")).isEqualTo("320813");
        assertThat(agency.getList("reports.year", Integer.class)).containsExactly(2024, 2023);
        assertThat(agency.getList("reports.matchBasis", String.class)).containsExactly("NEW", "EXACT_ALIAS");
        // and the 2024 report's stored parse run is sent to be validated again (not submitted again)
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> revalidationsOf(y2024.reportId()).size() == 1);
        ReportRevalidationRequestedEvent request = revalidationsOf(y2024.reportId()).get(0);
        assertThat(request.cause()).isEqualTo(RevalidationCause.PREVIOUS_YEAR_ARRIVED);
        assertThat(TopicReader.readAll(bootstrap, Topics.SUBMITTED).stream()
                .filter(r -> y2024.reportId().equals(r.key())).count()).isEqualTo(1);
        // and validated again as validate does, Y-01 is assessed on 2024 against 2023's carried-forward row
        CrossYearContext context = AgencyReports.context("淮安市洪泽区人民政府", 2024, y2024.reportId());
        assertThat(context.agencyId()).isEqualTo(agencyId);
        assertThat(context.previousYear().reportId()).isEqualTo(y2023.reportId());
        ValidationResult again = AgencyReports.validate(y2024.reportId(), request.report());
        assertThat(again.notAssessable()).doesNotContain("Y-01");
        assertThat(again.findings()).filteredOn(f -> f.ruleId().equals("Y-01")).extracting(Finding::expected)
                .isNotEmpty().allSatisfy(expected -> assertThat(expected).isEqualByComparingTo("1"));

        // The agency page: the two years side by side, the changed cells marked with their change
        JsonPath comparison = given().queryParam("from", 2023).queryParam("to", 2024)
                .get("/api/v1/agencies/{id}/compare", agencyId).then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> changed = comparison.getList("tables.rows.cells.flatten().flatten()");
        Map<String, Map<String, Object>> byKey = changed.stream()
                .collect(Collectors.toMap(c -> (String) c.get("key"), c -> c));
        assertThat(byKey.get("t3.carried_forward.total")).containsEntry("before", "1").containsEntry("changed", true);
        assertThat(((Number) byKey.get("t3.carried_forward.total").get("delta")).intValue()).isEqualTo(-1);
        assertThat(comparison.getList("parts.number", Integer.class)).contains(1, 5, 6);
        assertThat(comparison.getInt("changedCells")).isPositive();

        // The comparison as DOCX: Chinese title, the tables as printed with the change in the cell
        byte[] docx = given().queryParam("from", 2023).queryParam("to", 2024)
                .get("/api/v1/agencies/{id}/compare.docx", agencyId).then().statusCode(200)
                .contentType("application/vnd.openxmlformats-officedocument.wordprocessingml.document").extract()
                .asByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            assertThat(doc.getParagraphs().get(0).getText())
                    .isEqualTo("淮安市洪泽区人民政府2023年与2024年政府信息公开工作年度报告对比");
            assertThat(doc.getParagraphs()).extracting(XWPFParagraph::getText).contains("一、表格对比", "二、正文对比");
            XWPFTable t3 = doc.getTables().stream()
                    .filter(t -> t.getText().contains("四、结转下年度继续办理")).findFirst().orElseThrow();
            assertThat(t3.getRow(0).getCell(0).getText()).isEqualTo("项目");
            String carriedForward = t3.getRows().stream()
                    .filter(r -> r.getCell(0).getText().equals("四、结转下年度继续办理")).findFirst().orElseThrow()
                    .getCell(7).getText();
            assertThat(carriedForward).isEqualTo("1 → 0（-1）");
            assertThat(doc.getTables()).hasSizeGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void shouldLinkTheNamesTheOtherWayRoundAndAssessY01AtOnce() throws Exception {
        AgencyReports reports = new AgencyReports(bootstrap);
        // Given: 淮阴区人民政府's 2023 report is stored first
        AgencyReports.Stored y2023 = reports.submit(AgencyReports.madeFromSeed("淮阴区人民政府", 2023, 0),
                "text/plain");
        // When: 淮安市淮阴区人民政府's 2024 report is validated
        AgencyReports.Stored y2024 = reports.submit(AgencyReports.madeFromSeed("淮安市淮阴区人民政府", 2024, 0),
                "text/plain");
        // Then: one agency, and the cross-year rules had last year at once
        assertThat(agencyOf(y2024.reportId())).isEqualTo(agencyOf(y2023.reportId()));
        assertThat(y2024.result().notAssessable()).doesNotContain("Y-01", "Y-03");
        assertThat(y2023.result().notAssessable()).contains("Y-01");
        // and the list filters by the division's code: the county, its city and its province, not another province
        assertThat(given().queryParam("region", "320804").get("/api/v1/reports").jsonPath()
                .getList("items.reportId", String.class)).contains(y2023.reportId(), y2024.reportId());
        assertThat(given().queryParam("region", "3208").get("/api/v1/reports").jsonPath()
                .getList("items.reportId", String.class)).contains(y2024.reportId());
        assertThat(given().queryParam("region", "410000").get("/api/v1/reports").jsonPath()
                .getList("items.reportId", String.class)).doesNotContain(y2024.reportId());
        assertThat(given().queryParam("region", "320800").get("/api/v1/agencies").jsonPath()
                .getList("items.name", String.class)).contains("淮安市淮阴区人民政府");
        assertThat(given().queryParam("region", "32").get("/api/v1/regions/heatmap").jsonPath()
                .getList("cells.regionCode", String.class)).contains("320800");
    }

    private List<ReportRevalidationRequestedEvent> revalidationsOf(String reportId) {
        return TopicReader.readAll(bootstrap, Topics.REVALIDATE).stream().filter(r -> reportId.equals(r.key()))
                .map(r -> EventCodec.decode(r.value(), ReportRevalidationRequestedEvent.class)).toList();
    }

    private static long agencyOf(String reportId) {
        return given().queryParam("reportId", reportId).get("/api/v1/agencies/of-report").then().statusCode(200)
                .extract().jsonPath().getLong("agencyId");
    }
}

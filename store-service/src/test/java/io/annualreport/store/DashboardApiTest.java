package io.annualreport.store;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.annualreport.model.report.Doubt;
import io.annualreport.model.report.ReadingStatus;
import io.annualreport.model.report.UnreadReason;
import io.annualreport.model.template.TemplateRegistry;
import io.annualreport.model.validation.Severity;
import io.annualreport.model.validation.Verdict;
import io.annualreport.store.persistence.ReportStatus;
import io.annualreport.testsupport.KafkaBrokerResource;
import io.annualreport.testsupport.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** What the dashboard reads besides reports: the labels of every code and cell, the rule catalogue, the upload door. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PostgresResource.class)
class DashboardApiTest {

    @Test
    void shouldServeTheModelsLabelsOfEveryCodeAndCell() {
        // When
        JsonPath labels = given().get("/api/v1/labels").then().statusCode(200).extract().jsonPath();

        // Then: every constant of each enum, with the label the model gives it
        for (Verdict v : Verdict.values()) {
            assertThat(labels.getString("verdict." + v.name())).isEqualTo(v.label());
        }
        for (ReportStatus s : ReportStatus.values()) {
            assertThat(labels.getString("status." + s.name())).isEqualTo(s.label());
        }
        for (Severity s : Severity.values()) {
            assertThat(labels.getString("severity." + s.name())).isEqualTo(s.label());
        }
        for (ReadingStatus s : ReadingStatus.values()) {
            assertThat(labels.getString("readingStatus." + s.name())).isEqualTo(s.label());
        }
        for (UnreadReason r : UnreadReason.values()) {
            assertThat(labels.getString("unreadReason." + r.name())).isEqualTo(r.label());
        }
        for (Doubt d : Doubt.values()) {
            assertThat(labels.getString("doubt." + d.name())).isEqualTo(d.label());
        }
        Map<String, String> cells = labels.getMap("cells");
        assertThat(cells).hasSameSizeAs(TemplateRegistry.allCells());
        assertThat(cells.get("t4.all.review_upheld")).isEqualTo("表四 · 行政复议 · 结果维持");
        assertThat(cells.get("t4.all.litigation_direct_total")).isEqualTo("表四 · 行政诉讼 · 未经复议直接起诉 · 总计");
        assertThat(cells.get("t3.new_received.total")).isEqualTo("表三 · 一、本年新收政府信息公开申请数量 · 总计");
        assertThat(labels.getString("rows.'t3.disclosed'")).isEqualTo("表三 · 三、本年度办理结果 · （一）予以公开");
        assertThat(labels.getString("table.T3")).isEqualTo("表三");
    }

    @Test
    void shouldServeTheRuleCatalogue() {
        // When
        JsonPath catalogue = given().get("/api/v1/rules").then().statusCode(200).extract().jsonPath();

        // Then
        List<String> ids = catalogue.getList("rules.id");
        assertThat(ids).contains("S-01", "T3-03", "Y-01").doesNotHaveDuplicates();
        Map<String, Object> t303 = catalogue.getMap("rules.find { it.id == 'T3-03' }");
        assertThat(t303).containsEntry("severity", "ERROR").containsEntry("formula",
                "∀ c: R1.c + R2.c = R3_7.c + R4.c");
        assertThat((String) t303.get("messageZh")).startsWith("表三勾稽关系不成立");
        assertThat(catalogue.getList("ruleSets.id")).contains("2021-1.0.0", "2019-1.0.0");
    }

    @Test
    void shouldRefuseUploadsWhileNoIngestKeyIsConfigured() {
        given().auth().preemptive().basic("submitter", "submitter").contentType("application/json")
                .body("{\"urls\":[\"https://example.org/a.pdf\"]}")
                .post("/api/v1/uploads/urls").then().statusCode(503)
                .body("error.code", equalTo("UPLOAD_NOT_CONFIGURED"));
        given().auth().preemptive().basic("submitter", "submitter")
                .multiPart("file", "a.txt", "一、总体情况".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/uploads").then().statusCode(503).body("error.code", equalTo("UPLOAD_NOT_CONFIGURED"));
    }
}

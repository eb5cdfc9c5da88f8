package io.annualreport.store;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.annualreport.model.event.EventCodec;
import io.annualreport.model.event.ReportRevalidationRequestedEvent;
import io.annualreport.model.event.RevalidationCause;
import io.annualreport.model.event.Topics;
import io.annualreport.testsupport.KafkaBrokerResource;
import io.annualreport.testsupport.PostgresResource;
import io.annualreport.testsupport.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Merge, split and aliases of the agency registry: admin key, audit, and what they do to the years' links. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PostgresResource.class)
class AgencyRegistryResourceTest {

    private static final String KEY = "test-admin-key";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void shouldMergeTheAgencyRenamedByAReformThenSplitItAgainWithAnAudit() throws Exception {
        // Given: 金湖县行政审批局 (2023) became 金湖县政务服务管理办公室 (2024): two agencies for the registry
        AgencyReports reports = new AgencyReports(bootstrap);
        AgencyReports.Stored y2023 = reports.submit(AgencyReports.madeFromSeed("淮安市金湖县行政审批局", 2023, 0),
                "text/plain");
        AgencyReports.Stored y2024 = reports.submit(AgencyReports.madeFromSeed("淮安市金湖县政务服务管理办公室", 2024, 0),
                "text/plain");
        long before = agencyOf(y2023.reportId());
        long after = agencyOf(y2024.reportId());
        assertThat(after).isNotEqualTo(before);
        assertThat(y2024.result().notAssessable()).contains("Y-01");

        // When: merged without the admin key, or with a wrong one
        given().contentType(ContentType.JSON).body(Map.of("from", List.of(before)))
                .post("/api/v1/agencies/{id}/merge", after).then().statusCode(401);
        given().header("X-Admin-Key", "dev-key").contentType(ContentType.JSON).body(Map.of("from", List.of(before)))
                .post("/api/v1/agencies/{id}/merge", after).then().statusCode(401);
        given().auth().preemptive().basic("reviewer", "reviewer").contentType(ContentType.JSON)
                .body(Map.of("from", List.of(before))).post("/api/v1/agencies/{id}/merge", after).then()
                .statusCode(403);
        // Then: nothing changed
        assertThat(agencyOf(y2023.reportId())).isEqualTo(before);

        // When: an authorised user merges
        JsonPath merged = given().header("X-Admin-Key", KEY).header("X-Actor", "reviewer-zhang")
                .contentType(ContentType.JSON).body(Map.of("from", List.of(before)))
                .post("/api/v1/agencies/{id}/merge", after).then().statusCode(200).extract().jsonPath();
        // Then: one agency of two years, the 2024 report is validated again, and last year is now found for it
        assertThat(merged.getList("revalidating", String.class)).containsExactly(y2024.reportId());
        ReportRevalidationRequestedEvent request = EventCodec.decode(TopicReader.awaitKey(bootstrap,
                Topics.REVALIDATE, y2024.reportId(), Duration.ofSeconds(60)).value(),
                ReportRevalidationRequestedEvent.class);
        assertThat(request.cause()).isEqualTo(RevalidationCause.AGENCY_LINKED);
        assertThat(request.requestedBy()).isEqualTo("reviewer-zhang");
        assertThat(agencyOf(y2023.reportId())).isEqualTo(after);
        assertThat(AgencyReports.context("淮安市金湖县政务服务管理办公室", 2024, y2024.reportId()).previousYear()
                .reportId()).isEqualTo(y2023.reportId());
        assertThat(AgencyReports.validate(y2024.reportId(), y2024.report()).notAssessable()).doesNotContain("Y-01");
        // the old name is now an alias of the survivor, the merged agency points to it
        JsonPath survivor = given().get("/api/v1/agencies/{id}", after).then().statusCode(200).extract().jsonPath();
        assertThat(survivor.getList("aliases", String.class)).contains("淮安市金湖县行政审批局");
        assertThat(survivor.getList("audit.action", String.class)).containsExactly("MERGE");
        assertThat(survivor.getString("audit[0].actor")).isEqualTo("reviewer-zhang");
        assertThat(given().get("/api/v1/agencies/{id}", before).jsonPath().getLong("mergedInto")).isEqualTo(after);
        // merging into a merged agency is refused
        given().header("X-Admin-Key", KEY).contentType(ContentType.JSON).body(Map.of("from", List.of(after)))
                .post("/api/v1/agencies/{id}/merge", before).then().statusCode(409);

        // When: the merge is undone by a split of the 2023 report with its old name
        long split = given().header("X-Admin-Key", KEY).contentType(ContentType.JSON)
                .body(Map.of("reportIds", List.of(y2023.reportId()), "name", "淮安市金湖县行政审批局", "aliases",
                        List.of("淮安市金湖县行政审批局")))
                .post("/api/v1/agencies/{id}/split", after).then().statusCode(200).extract().jsonPath()
                .getLong("newAgencyId");
        // Then
        assertThat(agencyOf(y2023.reportId())).isEqualTo(split);
        assertThat(agencyOf(y2024.reportId())).isEqualTo(after);
        JsonPath splitOff = given().get("/api/v1/agencies/{id}", split).jsonPath();
        assertThat(splitOff.getString("regionCode")).isEqualTo("320831");
        assertThat(splitOff.getList("reports.matchBasis", String.class)).containsExactly("MANUAL");
        assertThat(given().get("/api/v1/agencies/{id}", after).jsonPath().getList("audit.action", String.class))
                .containsExactly("SPLIT", "MERGE");
        // a report of another agency cannot be split off this one
        given().header("X-Admin-Key", KEY).contentType(ContentType.JSON)
                .body(Map.of("reportIds", List.of(y2023.reportId()), "name", "某单位"))
                .post("/api/v1/agencies/{id}/split", after).then().statusCode(409);

        // An alias (the name before a reform) is added once and belongs to one agency
        given().header("X-Admin-Key", KEY).contentType(ContentType.JSON).body(Map.of("alias", "金湖县审批局"))
                .post("/api/v1/agencies/{id}/aliases", split).then().statusCode(200);
        given().header("X-Admin-Key", KEY).contentType(ContentType.JSON).body(Map.of("alias", "金湖县审批局"))
                .post("/api/v1/agencies/{id}/aliases", after).then().statusCode(409);
        given().contentType(ContentType.JSON).body(Map.of("alias", "x")).post("/api/v1/agencies/{id}/aliases", after)
                .then().statusCode(401);
    }

    @Test
    void shouldListEveryAgencyEndpointInTheOpenApiDocument() {
        String openApi = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract()
                .asString();
        assertThat(openApi).contains("/api/v1/agencies", "/api/v1/agencies/{id}", "/api/v1/agencies/{id}/compare",
                "/api/v1/agencies/{id}/compare.docx", "/api/v1/agencies/{id}/merge", "/api/v1/agencies/{id}/split",
                "/api/v1/agencies/{id}/aliases", "/api/v1/agencies/cross-year", "/api/v1/agencies/of-report",
                "/api/v1/regions", "/api/v1/regions/heatmap", "/api/v1/regions/{code}/compare.zip");
    }

    @Test
    void shouldRefuseABadRegionCode() {
        given().queryParam("region", "32x").get("/api/v1/agencies").then().statusCode(400);
        given().get("/api/v1/agencies/{id}", 999999999).then().statusCode(404);
        given().get("/api/v1/agencies/cross-year").then().statusCode(400);
    }

    private static long agencyOf(String reportId) {
        return given().queryParam("reportId", reportId).get("/api/v1/agencies/of-report").then().statusCode(200)
                .extract().jsonPath().getLong("agencyId");
    }
}

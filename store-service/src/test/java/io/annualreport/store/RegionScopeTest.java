package io.annualreport.store;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.annualreport.model.event.ReportParsedEvent;
import io.annualreport.store.persistence.write.ParsedWriter;
import io.annualreport.store.persistence.write.SubmittedWriter;
import io.annualreport.store.persistence.write.ValidatedWriter;
import io.annualreport.testsupport.KafkaBrokerResource;
import io.annualreport.testsupport.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * A user limited to regions (the test profile's built-in {@code regional}, limited to 淮安市 320800) sees only the
 * reports of those regions in lists, statistics, exports and the versions of an agency, gets 404 for a single report elsewhere and 403 for a
 * write there; users without a scope see everything.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PostgresResource.class)
class RegionScopeTest {

    @Inject
    SubmittedWriter submittedWriter;

    @Inject
    ParsedWriter parsedWriter;

    @Inject
    ValidatedWriter validatedWriter;

    @Inject
    DataSource dataSource;

    private String tag;
    private String inside;
    private String outside;

    @BeforeEach
    void storeTwoReports() throws Exception {
        tag = "区域" + UUID.randomUUID().toString().substring(0, 8);
        inside = store(tag + "洪泽区", "320813"); // 淮安市洪泽区
        outside = store(tag + "东城区", "110101"); // 北京市东城区
    }

    private String store(String agency, String regionCode) throws Exception {
        String reportId = GoldenFixtures.newReportId();
        submittedWriter.apply(GoldenFixtures.submitted(reportId, agency, 2021, Instant.now(), null));
        ReportParsedEvent parsed = GoldenFixtures.parsed(reportId, agency, 2021, "2021", null);
        parsedWriter.apply(parsed);
        validatedWriter.apply(GoldenFixtures.validated(reportId, parsed.eventId(), "FAIL", true));
        // the agency registry's region of the report, as linking leaves it
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("update report set region_code = ? where report_id = ?")) {
            ps.setString(1, regionCode);
            ps.setString(2, reportId);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        return reportId;
    }

    private static RequestSpecification regional() {
        return given().auth().preemptive().basic("regional", "regional");
    }

    private static RequestSpecification reviewer() {
        return given().auth().preemptive().basic("reviewer", "reviewer");
    }

    @Test
    void shouldListCountAndExportOnlyTheReportsOfTheUsersRegions() {
        // When / Then: the report list
        List<String> seen = regional().queryParam("agency", tag).get("/api/v1/reports").then().statusCode(200)
                .extract().jsonPath().getList("items.reportId", String.class);
        assertThat(seen).containsExactly(inside);
        assertThat(reviewer().queryParam("agency", tag).get("/api/v1/reports").then().statusCode(200).extract()
                .jsonPath().getList("items.reportId", String.class)).containsExactlyInAnyOrder(inside, outside);
        // the statistics
        regional().queryParam("agency", tag).get("/api/v1/aggregates").then().statusCode(200)
                .body("reports", equalTo(1));
        given().queryParam("agency", tag).get("/api/v1/aggregates").then().statusCode(200).body("reports", equalTo(2));
        // the exports
        String csv = regional().queryParam("agency", tag).get("/api/v1/exports/cells.csv").then().statusCode(200)
                .extract().asString();
        assertThat(csv).contains(inside).doesNotContain(outside);
        String findings = regional().queryParam("agency", tag).get("/api/v1/exports/findings.csv").then()
                .statusCode(200).extract().asString();
        assertThat(findings).contains(inside).doesNotContain(outside);
        // the versions of one agency and year
        assertThat(regional().queryParam("agency", tag + "东城区").queryParam("year", 2021).get("/api/v1/versions")
                .then().statusCode(200).extract().jsonPath().getList("versions.reportId", String.class)).isEmpty();
        assertThat(regional().queryParam("agency", tag + "洪泽区").queryParam("year", 2021).get("/api/v1/versions")
                .then().statusCode(200).extract().jsonPath().getList("versions.reportId", String.class))
                .containsExactly(inside);
        assertThat(reviewer().queryParam("agency", tag + "东城区").queryParam("year", 2021).get("/api/v1/versions")
                .then().statusCode(200).extract().jsonPath().getList("versions.reportId", String.class))
                .containsExactly(outside);
    }

    @Test
    void shouldHideASingleReportOfAnotherRegionAndRefuseWritesToIt() {
        // reading: 404 outside, as if the report did not exist; 200 inside and for a user without a scope
        regional().get("/api/v1/reports/{id}", outside).then().statusCode(404)
                .body("error.code", equalTo("REPORT_NOT_FOUND"));
        regional().get("/api/v1/reports/{id}/review", outside).then().statusCode(404);
        regional().get("/api/v1/reports/{id}/letter.docx", outside).then().statusCode(404);
        regional().get("/api/v1/reports/{id}", inside).then().statusCode(200);
        reviewer().get("/api/v1/reports/{id}", outside).then().statusCode(200);
        // writing: 403 outside, allowed inside
        regional().contentType(ContentType.JSON).body(Map.of("state", "IN_REVIEW"))
                .put("/api/v1/reports/{id}/review/state", outside).then().statusCode(403)
                .body("error.code", equalTo("OUTSIDE_REGIONS"));
        regional().contentType(ContentType.JSON).body(Map.of("value", "5", "note", "x"))
                .post("/api/v1/reports/{id}/cells/t3.new_received.total/corrections", outside).then()
                .statusCode(403);
        regional().contentType(ContentType.JSON).body(Map.of("state", "IN_REVIEW"))
                .put("/api/v1/reports/{id}/review/state", inside).then().statusCode(200);
        // anonymous writes are still refused as unauthenticated, whatever the region
        given().contentType(ContentType.JSON).body(Map.of("state", "IN_REVIEW"))
                .put("/api/v1/reports/{id}/review/state", outside).then().statusCode(401);
        // and who is signed in says the scope
        regional().get("/api/v1/me").then().statusCode(200).body("regions", equalTo(List.of("3208")));
    }
}

package io.annualreport.store;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

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
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Every write endpoint of the store refuses anonymous callers (401) and signed-in users without its role (403), and
 * lets the role through; reading stays open in the test profile; sign-in works with the form and with Basic.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PostgresResource.class)
class WorkbenchSecurityTest {

    @Inject
    SubmittedWriter submittedWriter;

    @Inject
    ParsedWriter parsedWriter;

    @Inject
    ValidatedWriter validatedWriter;

    /** One write endpoint: method, path, JSON body, the least role it needs, and a user without it. */
    private record Write(String method, String path, Map<String, Object> body, String user, String lacking) {
    }

    private String storeReport() {
        String reportId = GoldenFixtures.newReportId();
        submittedWriter.apply(GoldenFixtures.submitted(reportId, "权限测试局", 2021, Instant.now(), null));
        ReportParsedEvent parsed = GoldenFixtures.parsed(reportId, "权限测试局", 2021, "2021", null);
        parsedWriter.apply(parsed);
        validatedWriter.apply(GoldenFixtures.validated(reportId, parsed.eventId(), "FAIL", true));
        return reportId;
    }

    private List<Write> writes(String reportId) {
        String base = "/api/v1/reports/" + reportId;
        return List.of(
                new Write("POST", base + "/reprocess", null, "reviewer", "reader"),
                new Write("POST", "/api/v1/reports/reprocess?agency=no-such-agency-at-all", null, "admin",
                        "reviewer"),
                new Write("POST", base + "/cells/t3.new_received.total/corrections",
                        Map.of("value", "13", "note", "按原件"), "reviewer", "reader"),
                new Write("POST", base + "/decisions", Map.of("findingKey", "S-17|", "decision", "DISMISSED",
                        "reason", "第六部分已说明"), "reviewer", "submitter"),
                new Write("PUT", base + "/review/state", Map.of("state", "IN_REVIEW"), "reviewer", "reader"),
                new Write("POST", "/api/v1/admin/dlq/no.such.dlq/replay", null, "admin", "reviewer"),
                new Write("POST", "/api/v1/agencies/999999999/merge", Map.of("from", java.util.List.of(999999998)),
                        "admin", "reviewer"),
                new Write("POST", "/api/v1/agencies/999999999/split", Map.of("reportIds", java.util.List.of(),
                        "name", "某局"), "admin", "reviewer"),
                new Write("POST", "/api/v1/agencies/999999999/aliases", Map.of("alias", "某局"), "admin",
                        "reviewer"));
    }

    private static Response call(RequestSpecification request, Write write) {
        if (write.body() != null) {
            request = request.contentType(ContentType.JSON).body(write.body());
        }
        return write.method().equals("PUT") ? request.put(write.path()) : request.post(write.path());
    }

    @Test
    void shouldRefuseEveryWriteToAnonymousCallersAndToUsersWithoutItsRole() {
        String reportId = storeReport();
        for (Write write : writes(reportId)) {
            call(given(), write).then().statusCode(401).body("error.code", equalTo("UNAUTHENTICATED"));
            call(given().auth().preemptive().basic("reviewer", "wrong-password"), write).then().statusCode(401);
            call(given().auth().preemptive().basic(write.lacking(), write.lacking()), write).then().statusCode(403)
                    .body("error.code", equalTo("FORBIDDEN"));
        }
    }

    @Test
    void shouldLetEveryWriteThroughWithItsRole() {
        String reportId = storeReport();
        for (Write write : writes(reportId)) {
            int status = call(given().auth().preemptive().basic(write.user(), write.user()), write).statusCode();
            // 404 for the admin's replay of a topic that is no dead-letter topic, or for an agency that does not
            // exist, 400 or 409 for a refused change: all past the role check
            assertThat(status).as(write.method() + " " + write.path()).isIn(200, 201, 202, 400, 404, 409);
        }
        // the admin key of machines signs in as admin
        given().header("X-Admin-Key", "test-admin-key").post("/api/v1/reports/reprocess?agency=no-such-agency-at-all")
                .then().statusCode(202);
        // and an admin may do what a reviewer may
        given().auth().preemptive().basic("admin", "admin").contentType(ContentType.JSON)
                .body(Map.of("state", "REVIEWED")).put("/api/v1/reports/{id}/review/state", reportId).then()
                .statusCode(200).body("by", equalTo("admin"));
    }

    @Test
    void shouldKeepReadingOpenAndSayWhoIsSignedIn() {
        String reportId = storeReport();
        given().get("/api/v1/reports/{id}", reportId).then().statusCode(200);
        given().get("/api/v1/reports/{id}/review", reportId).then().statusCode(200);
        given().get("/api/v1/me").then().statusCode(200).body("signedIn", equalTo(false)).body("signIn",
                equalTo("form"));
        given().auth().preemptive().basic("reviewer", "reviewer").get("/api/v1/me").then().statusCode(200)
                .body("signedIn", equalTo(true)).body("name", equalTo("reviewer"))
                .body("roles", hasItems("reviewer", "reader"));
    }

    @Test
    void shouldSignInWithTheFormAndUseTheCookieForWrites() {
        String reportId = storeReport();
        // a wrong password gets no cookie
        given().contentType(ContentType.URLENC).formParam("j_username", "reviewer").formParam("j_password", "nope")
                .post("/j_security_check").then().statusCode(401);
        Response signedIn = given().contentType(ContentType.URLENC).formParam("j_username", "reviewer")
                .formParam("j_password", "reviewer").post("/j_security_check");
        assertThat(signedIn.statusCode()).isEqualTo(200);
        String cookie = signedIn.getCookie("quarkus-credential");
        assertThat(cookie).isNotBlank();

        given().cookie("quarkus-credential", cookie).get("/api/v1/me").then().body("name", equalTo("reviewer"));
        given().cookie("quarkus-credential", cookie).contentType(ContentType.JSON)
                .body(Map.of("state", "IN_REVIEW", "note", "开始审核")).put("/api/v1/reports/{id}/review/state", reportId)
                .then().statusCode(200).body("state", equalTo("IN_REVIEW"));
        given().get("/api/v1/reports/{id}/review", reportId).then().body("stateLabel", equalTo("审核中"))
                .body("stateHistory[0].by", equalTo("reviewer"));
    }
}

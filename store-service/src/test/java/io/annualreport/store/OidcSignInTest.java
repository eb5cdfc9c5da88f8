package io.annualreport.store;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.annualreport.model.event.ReportParsedEvent;
import io.annualreport.store.persistence.write.ParsedWriter;
import io.annualreport.store.persistence.write.SubmittedWriter;
import io.annualreport.store.persistence.write.ValidatedWriter;
import io.annualreport.testsupport.KafkaBrokerResource;
import io.annualreport.testsupport.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The production sign-in: the production profile's quarkus-oidc configuration from application.properties (hybrid
 * application, roles from the {@code groups} claim, the {@code regions} claim for scoping, reading needs the reader
 * role), against a local OIDC provider ({@link FakeOidcServer}) whose discovery and keys it fetches. A bearer token with
 * roles reaches the endpoints of its roles and no further (403); a token signed with another key and an expired token
 * get 401; a request without a token gets no data (401, or the hybrid application's redirect to the provider).
 */
@QuarkusTest
@TestProfile(OidcSignInTest.Production.class)
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(FakeOidcServer.class)
class OidcSignInTest {

    /**
     * The production profile itself (OIDC on, no built-in users, reading needs the reader role), with only what a
     * deployment sets from its environment: the client secret and the blob directory.
     */
    public static class Production implements QuarkusTestProfile {
        @Override
        public String getConfigProfile() {
            return "prod";
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.oidc.credentials.secret", "test-secret", "blob.dir", "target/test-blobs");
        }
    }

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String issuer;

    @Inject
    SubmittedWriter submittedWriter;

    @Inject
    ParsedWriter parsedWriter;

    @Inject
    ValidatedWriter validatedWriter;

    private String token(String user, String groups, String... extra) {
        var request = given().baseUri(issuer).queryParam("user", user).queryParam("groups", groups);
        for (int i = 0; i + 1 < extra.length; i += 2) {
            request = request.queryParam(extra[i], extra[i + 1]);
        }
        return request.get("/test-token").then().statusCode(200).extract().asString();
    }

    private static RequestSpecification bearer(String token) {
        return given().auth().oauth2(token).accept(ContentType.JSON);
    }

    private String storeReport() {
        String reportId = GoldenFixtures.newReportId();
        submittedWriter.apply(GoldenFixtures.submitted(reportId, "令牌测试局", 2021, Instant.now(), null));
        ReportParsedEvent parsed = GoldenFixtures.parsed(reportId, "令牌测试局", 2021, "2021", null);
        parsedWriter.apply(parsed);
        validatedWriter.apply(GoldenFixtures.validated(reportId, parsed.eventId(), "FAIL", true));
        return reportId;
    }

    @Test
    void shouldLetABearerTokenThroughToTheEndpointsOfItsRoles() {
        String reportId = storeReport();
        String reader = token("li.reader", "reader", "regions", "320800");
        String reviewer = token("wang.reviewer", "reviewer");

        // who is signed in: name from preferred_username, roles from groups, the scope from regions
        bearer(reader).get("/api/v1/me").then().statusCode(200).body("signedIn", equalTo(true))
                .body("name", equalTo("li.reader")).body("roles", equalTo(List.of("reader")))
                .body("regions", equalTo(List.of("3208"))).body("signIn", equalTo("oidc"));
        // a reader reads and may not write
        bearer(reader).get("/api/v1/reports").then().statusCode(200);
        bearer(reader).contentType(ContentType.JSON).body(Map.of("state", "IN_REVIEW"))
                .put("/api/v1/reports/{id}/review/state", reportId).then().statusCode(403)
                .body("error.code", equalTo("FORBIDDEN"));
        // a reviewer reads (implied reader role) and writes
        bearer(reviewer).get("/api/v1/me").then().statusCode(200)
                .body("roles", hasItems("reviewer", "reader"));
        bearer(reviewer).get("/api/v1/reports/{id}", reportId).then().statusCode(200);
        bearer(reviewer).contentType(ContentType.JSON).body(Map.of("state", "IN_REVIEW"))
                .put("/api/v1/reports/{id}/review/state", reportId).then().statusCode(200)
                .body("by", equalTo("wang.reviewer"));
        // but not what only an admin may do
        bearer(reviewer).post("/api/v1/reports/reprocess").then().statusCode(403);
    }

    /** A request without a token: 401, or the code flow's redirect to the provider's authorization endpoint. */
    private void assertRefused(Response response) {
        if (response.statusCode() == 401) {
            return;
        }
        assertThat(response.statusCode()).as("neither 401 nor the code flow's redirect").isEqualTo(302);
        assertThat(response.header("Location")).startsWith(issuer + "/auth?");
    }

    @Test
    void shouldRefuseRequestsWithoutAValidToken() {
        String reportId = storeReport();
        // no token: who is signed in answers (nobody), reading and writing need a sign-in in production
        given().accept(ContentType.JSON).get("/api/v1/me").then().statusCode(200).body("signedIn", equalTo(false))
                .body("signIn", equalTo("oidc"));
        // (the hybrid application answers a request without a bearer token with the code flow: a redirect to the
        // provider's sign-in page, where a browser signs in; never the data)
        assertRefused(given().redirects().follow(false).accept(ContentType.JSON).get("/api/v1/reports"));
        assertRefused(given().redirects().follow(false).accept(ContentType.JSON).contentType(ContentType.JSON)
                .body(Map.of("state", "IN_REVIEW")).put("/api/v1/reports/{id}/review/state", reportId));
        bearer(token("wang.reviewer", "reviewer")).get("/api/v1/reports/{id}/review", reportId).then()
                .statusCode(200).body("state", equalTo("PENDING"));
        // a token the provider did not sign, and an expired one
        bearer(token("mallory", "admin", "foreign", "true")).get("/api/v1/reports").then().statusCode(401);
        bearer(token("late", "reviewer", "expired", "true")).get("/api/v1/reports").then().statusCode(401);
        // a token without roles signs in but may not read
        bearer(token("nobody", "")).get("/api/v1/reports").then().statusCode(403);
    }
}

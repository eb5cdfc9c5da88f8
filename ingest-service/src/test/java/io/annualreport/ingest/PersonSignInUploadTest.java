package io.annualreport.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.annualreport.testsupport.KafkaBrokerResource;
import io.annualreport.testsupport.TestDirs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * People sign in to submit as well as machines: a built-in user (test profile) with the submitter role may upload,
 * one without it gets 403, a wrong password 401; the API key keeps working.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class PersonSignInUploadTest {

    @Test
    void shouldLetASubmitterUploadAndRefuseOtherRolesAndWrongPasswords() throws Exception {
        Path file = Files.writeString(TestDirs.fresh("person").resolve("report.txt"),
                "一、总体情况 " + UUID.randomUUID());

        given().auth().preemptive().basic("submitter", "submitter").multiPart("file", file.toFile())
                .post("/api/v1/reports").then().statusCode(202);
        given().auth().preemptive().basic("reviewer", "reviewer").multiPart("file", file.toFile())
                .post("/api/v1/reports").then().statusCode(403).body("error.code", equalTo("ROLE_MISSING"));
        given().auth().preemptive().basic("submitter", "wrong").multiPart("file", file.toFile())
                .post("/api/v1/reports").then().statusCode(401).body("error.code", equalTo("UNAUTHENTICATED"));
        given().multiPart("file", file.toFile()).post("/api/v1/reports").then().statusCode(401)
                .body("error.code", equalTo("UNAUTHENTICATED"));
        given().header("X-Api-Key", "dev-key").multiPart("file", file.toFile()).post("/api/v1/reports").then()
                .statusCode(202);
    }
}

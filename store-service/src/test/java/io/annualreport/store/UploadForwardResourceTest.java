package io.annualreport.store;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.annualreport.model.event.ReportIds;
import io.annualreport.testsupport.KafkaBrokerResource;
import io.annualreport.testsupport.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The dashboard's uploads go through store to ingest (here {@link FakeIngestResource}) with store's key, the file's bytes
 * unchanged, and ingest's answers come back as they are.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(FakeIngestResource.class)
class UploadForwardResourceTest {

    @Test
    void shouldForwardAFileWithStoresKeyAndRelayTheAcceptance() {
        byte[] file = ("二、主动公开政府信息情况 " + System.nanoTime()).getBytes(StandardCharsets.UTF_8);
        String reportId = ReportIds.fromSha256(ReportIds.sha256(file));

        // nobody uploads anonymously, and a reader may not either
        given().multiPart("file", "report.txt", file, "text/plain").post("/api/v1/uploads").then().statusCode(401);
        given().auth().preemptive().basic("reader", "reader").multiPart("file", "report.txt", file, "text/plain")
                .post("/api/v1/uploads").then().statusCode(403);
        given().auth().preemptive().basic("submitter", "submitter")
                .multiPart("file", "report.txt", file, "text/plain").multiPart("year", "2023")
                .post("/api/v1/uploads").then().statusCode(202).body("reports[0].reportId", equalTo(reportId))
                .body("reports[0].fileName", equalTo("report.txt"));
    }

    @Test
    void shouldRelayIngestsRefusalWithItsStatusAndCode() {
        given().contentType("application/json").body("{\"urls\":[\"http://intranet.test/a.pdf\"]}")
                .post("/api/v1/uploads/urls").then().statusCode(401);
        given().auth().preemptive().basic("admin", "admin").contentType("application/json")
                .body("{\"urls\":[\"http://intranet.test/a.pdf\"]}")
                .post("/api/v1/uploads/urls").then().statusCode(403)
                .body("error.code", equalTo("URL_ADDRESS_NOT_PUBLIC"));
    }
}

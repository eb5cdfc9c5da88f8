package io.annualreport.store.job;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.annualreport.testsupport.KafkaBrokerResource;
import io.annualreport.testsupport.PostgresResource;
import io.annualreport.testsupport.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@TestProfile(ReprocessJobTest.OwnTopic.class)
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PostgresResource.class)
class ReprocessJobTest {

    private static final String TOPIC = "reports.submitted.jobtest";
    private static final int REPORTS = 5000;

    /** The resubmitted events go to a topic of their own, so that the store does not consume 5,000 of them. */
    public static class OwnTopic implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.messaging.outgoing.resubmit.topic", TOPIC);
        }
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    DataSource dataSource;

    @Inject
    ReprocessJobs jobs;

    @Test
    void shouldRefuseABulkReprocessWithoutTheAdminKey() {
        given().post("/api/v1/reports/reprocess").then().statusCode(401).body("error.code",
                equalTo("UNAUTHENTICATED"));
        given().header("X-Admin-Key", "wrong").post("/api/v1/reports/reprocess").then().statusCode(401)
                .body("error.code", equalTo("UNAUTHENTICATED"));
        given().auth().preemptive().basic("reviewer", "reviewer").post("/api/v1/reports/reprocess").then()
                .statusCode(403).body("error.code", equalTo("FORBIDDEN"));
        given().get("/api/v1/jobs/{id}", UUID.randomUUID()).then().statusCode(404);
        given().get("/api/v1/jobs/{id}", "not-a-uuid").then().statusCode(400);
    }

    @Test
    void shouldReprocessFiveThousandReportsAsAJobThatAnswersAtOnceAndSendsEachOnce() throws Exception {
        // Given
        String agency = insertReports();

        // When
        JsonPath started = given().header("X-Admin-Key", "test-admin-key").queryParam("agency", agency)
                .post("/api/v1/reports/reprocess").then().statusCode(202).extract().jsonPath();
        String url = started.getString("url");
        UUID jobId = UUID.fromString(started.getString("jobId"));

        // Then
        assertThat(started.getInt("total")).isEqualTo(REPORTS);
        assertThat(url).endsWith("/api/v1/jobs/" + jobId);
        JsonPath done = awaitDone(jobId);
        assertThat(done.getInt("done")).isEqualTo(REPORTS);
        assertThat(done.getInt("failed")).isZero();
        assertThat(done.getString("filter.agency")).isEqualTo(agency);
        assertEachReportSentOnce(jobId, agency);
    }

    @Test
    void shouldFinishAJobStoppedMidwayByAShutdownFromItsCursorWithoutDoubles() throws Exception {
        // Given: a job that a shutdown of store-service stopped after some batches
        String agency = insertReports();
        UUID jobId = UUID.fromString(given().header("X-Admin-Key", "test-admin-key").queryParam("agency", agency)
                .post("/api/v1/reports/reprocess").then().statusCode(202).extract().jsonPath().getString("jobId"));
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20))
                .until(() -> job(jobId).getInt("done") >= 1000);
        assertThat(jobs.stop(Duration.ofSeconds(60))).as("stopped").isTrue();
        JsonPath stopped = job(jobId);
        assertThat(stopped.getString("state")).isEqualTo("RUNNING");
        assertThat(stopped.getInt("done")).isBetween(1000, REPORTS - 1);
        assertThat(stopped.getString("cursor")).isNotNull();

        // When: store-service starts again
        jobs.resume();

        // Then
        JsonPath done = awaitDone(jobId);
        assertThat(done.getInt("done")).isEqualTo(REPORTS);
        assertEachReportSentOnce(jobId, agency);
    }

    @Test
    void shouldRefuseToCancelAJobWithoutTheAdminRole() {
        UUID unknown = UUID.randomUUID();
        given().delete("/api/v1/jobs/{id}", unknown).then().statusCode(401).body("error.code",
                equalTo("UNAUTHENTICATED"));
        given().header("X-Admin-Key", "wrong").delete("/api/v1/jobs/{id}", unknown).then().statusCode(401);
        given().auth().preemptive().basic("reviewer", "reviewer").delete("/api/v1/jobs/{id}", unknown).then()
                .statusCode(403).body("error.code", equalTo("FORBIDDEN"));
        given().header("X-Admin-Key", "test-admin-key").delete("/api/v1/jobs/{id}", unknown).then().statusCode(404)
                .body("error.code", equalTo("JOB_NOT_FOUND"));
        given().header("X-Admin-Key", "test-admin-key").delete("/api/v1/jobs/{id}", "not-a-uuid").then()
                .statusCode(400);
    }

    @Test
    void shouldStopACancelledJobAtItsCursorKeepingWhatWasSentAndNotResumeIt() throws Exception {
        // Given: a job under way
        String agency = insertReports();
        UUID jobId = UUID.fromString(given().header("X-Admin-Key", "test-admin-key").queryParam("agency", agency)
                .post("/api/v1/reports/reprocess").then().statusCode(202).extract().jsonPath().getString("jobId"));
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20))
                .until(() -> job(jobId).getInt("done") >= 500);

        // When
        JsonPath cancelled = given().header("X-Admin-Key", "test-admin-key").delete("/api/v1/jobs/{id}", jobId)
                .then().statusCode(200).extract().jsonPath();

        // Then: the worker lets go of the job after the batch in flight, which it still counts
        assertThat(cancelled.getString("state")).isEqualTo("CANCELLED");
        assertThat(cancelled.getString("finishedAt")).isNotNull();
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(50)).until(() -> owner(jobId) == null);
        JsonPath stopped = job(jobId);
        assertThat(stopped.getString("state")).isEqualTo("CANCELLED");
        assertThat(stopped.getInt("done")).isBetween(500, REPORTS - 1);
        Map<String, Integer> sent = sentByJob(jobId, agency);
        assertThat(sent).hasSize(stopped.getInt("done"));
        assertThat(sent.values()).containsOnly(1);
        assertThat(sent.keySet()).allMatch(reportId -> reportId.compareTo(stopped.getString("cursor")) <= 0);
        given().header("X-Admin-Key", "test-admin-key").delete("/api/v1/jobs/{id}", jobId).then().statusCode(409)
                .body("error.code", equalTo("JOB_NOT_RUNNING"));

        // When: store-service starts again
        jobs.resume();

        // Then: a cancelled job is not taken up
        assertThat(owner(jobId)).isNull();
        assertThat(job(jobId).getString("state")).isEqualTo("CANCELLED");
        assertThat(job(jobId).getInt("done")).isEqualTo(stopped.getInt("done"));
    }

    private String owner(UUID jobId) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select owner from job where job_id = ?")) {
            ps.setObject(1, jobId);
            try (var rs = ps.executeQuery()) {
                assertThat(rs.next()).as("job row").isTrue();
                return rs.getString(1);
            }
        }
    }

    /** How many events of this job the topic holds per report. */
    private Map<String, Integer> sentByJob(UUID jobId, String agency) throws Exception {
        ObjectMapper json = new ObjectMapper();
        Map<String, Integer> perReport = new HashMap<>();
        for (ConsumerRecord<String, String> record : TopicReader.readAll(bootstrap, TOPIC)) {
            JsonNode event = json.readTree(record.value());
            String reportId = event.path("reportId").asText();
            if (agency.equals(event.path("declaredAgency").asText())
                    && event.path("eventId").asText().equals(ReprocessJobs.eventId(jobId, reportId).toString())) {
                perReport.merge(reportId, 1, Integer::sum);
            }
        }
        return perReport;
    }

    private void assertEachReportSentOnce(UUID jobId, String agency) throws Exception {
        ObjectMapper json = new ObjectMapper();
        Map<String, Integer> perReport = new HashMap<>();
        List<ConsumerRecord<String, String>> records = TopicReader.readAll(bootstrap, TOPIC);
        for (ConsumerRecord<String, String> record : records) {
            JsonNode event = json.readTree(record.value());
            if (!agency.equals(event.path("declaredAgency").asText())) {
                continue;
            }
            String reportId = event.path("reportId").asText();
            assertThat(record.key()).isEqualTo(reportId);
            assertThat(event.path("eventId").asText()).isEqualTo(ReprocessJobs.eventId(jobId, reportId).toString());
            assertThat(event.path("blobUri").asText()).isEqualTo("file:///blobs/" + reportId);
            perReport.merge(reportId, 1, Integer::sum);
        }
        assertThat(perReport).hasSize(REPORTS);
        assertThat(perReport.values()).containsOnly(1);
    }

    private JsonPath awaitDone(UUID jobId) {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                .until(() -> "DONE".equals(job(jobId).getString("state")));
        return job(jobId);
    }

    private static JsonPath job(UUID jobId) {
        return given().get("/api/v1/jobs/{id}", jobId).then().statusCode(200).extract().jsonPath();
    }

    /** 5,000 stored reports with one submission each, of an agency no other test uses; answers the agency. */
    private String insertReports() throws Exception {
        String prefix = UUID.randomUUID().toString().replace("-", "").substring(0, 6);
        String agency = "jobtest-" + prefix;
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into report (report_id, sha256, file_name, media_type, size_bytes, blob_uri, agency,
                                        declared_agency, status)
                    select ? || lpad(to_hex(g), 10, '0'), repeat('a', 64), g || '.txt', 'text/plain', 100,
                           'file:///blobs/' || ? || lpad(to_hex(g), 10, '0'), ?, ?, 'VALIDATED'
                    from generate_series(1, ?) g""")) {
                ps.setString(1, prefix);
                ps.setString(2, prefix);
                ps.setString(3, agency);
                ps.setString(4, agency);
                ps.setInt(5, REPORTS);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into submission (report_id, event_id, occurred_at, sha256, file_name, media_type,
                                            size_bytes, blob_uri, declared_agency)
                    select report_id, gen_random_uuid(), now(), sha256, file_name, media_type, size_bytes, blob_uri,
                           declared_agency
                    from report where agency = ?""")) {
                ps.setString(1, agency);
                ps.executeUpdate();
            }
        }
        return agency;
    }
}

package io.annualreport.store;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.annualreport.model.GoldenEvents;
import io.annualreport.testsupport.KafkaBrokerResource;
import io.annualreport.testsupport.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PostgresResource.class)
class DeadLetterAdminResourceTest {

    private static final String REPLAY = "/api/v1/admin/dlq/{topic}/replay";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void shouldRefuseAReplayWithoutTheAdminRole() {
        given().post(REPLAY, "reports.failed.store.dlq").then().statusCode(401)
                .body("error.code", equalTo("UNAUTHENTICATED"));
        given().header("X-Admin-Key", "dev-key").post(REPLAY, "reports.failed.store.dlq").then().statusCode(401)
                .body("error.code", equalTo("UNAUTHENTICATED"));
        given().auth().preemptive().basic("reviewer", "reviewer").post(REPLAY, "reports.failed.store.dlq").then()
                .statusCode(403).body("error.code", equalTo("FORBIDDEN"));
        given().auth().preemptive().basic("admin", "admin").post(REPLAY, "no.such.dlq").then().statusCode(404);
    }

    @Test
    void shouldAnswerNotFoundForATopicThatIsNoDeadLetterTopic() {
        given().header("X-Admin-Key", "test-admin-key").post(REPLAY, "reports.failed").then().statusCode(404);
        given().header("X-Admin-Key", "test-admin-key").post(REPLAY, "no.such.dlq").then().statusCode(404);
    }

    @Test
    void shouldPutADeadLetteredEventBackOnItsTopicOnceSoThatItIsStored() {
        // Given: a good event that was dead-lettered (as the old store did during a database outage)
        String reportId = GoldenFixtures.newReportId();
        String event = GoldenFixtures.json(GoldenFixtures.rekeyed(GoldenEvents.FAILED, reportId, UUID.randomUUID(),
                Instant.now()));
        ProducerRecord<String, String> dead = new ProducerRecord<>("reports.failed.replaytest.dlq", reportId, event);
        dead.headers().add("dead-letter-topic", "reports.failed".getBytes(StandardCharsets.UTF_8));
        dead.headers().add("dead-letter-reason", "database down".getBytes(StandardCharsets.UTF_8));
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            kafka.produceStrings().fromRecords(dead).awaitCompletion(Duration.ofSeconds(30));
        }

        // When
        given().header("X-Admin-Key", "test-admin-key").post(REPLAY, "reports.failed.replaytest.dlq").then()
                .statusCode(200).body("replayed", equalTo(1)).body("byTopic.'reports.failed'", equalTo(1));

        // Then: the store has it, and a second replay finds nothing left
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> given().get("/api/v1/reports/{id}", reportId).statusCode() == 200);
        given().get("/api/v1/reports/{id}", reportId).then().body("status", equalTo("FAILED"));
        given().header("X-Admin-Key", "test-admin-key").post(REPLAY, "reports.failed.replaytest.dlq").then()
                .statusCode(200).body("replayed", equalTo(0));
    }
}

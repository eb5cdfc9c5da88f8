package io.annualreport.store;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.annualreport.model.GoldenEvents;
import io.annualreport.model.event.EventCodec;
import io.annualreport.model.event.Topics;
import io.annualreport.testsupport.KafkaBrokerResource;
import io.annualreport.testsupport.RestartablePostgresResource;
import io.annualreport.testsupport.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** A PostgreSQL outage while events arrive: the consumers wait, report not ready, and store everything afterwards. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(RestartablePostgresResource.class)
class DatabaseOutageRecoveryTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final List<String> DEAD_LETTER_TOPICS = List.of("reports.submitted.store.dlq",
            "reports.parsed.store.dlq", "reports.validated.store.dlq", "reports.failed.store.dlq");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @AfterEach
    void databaseBack() {
        RestartablePostgresResource.startServer();
    }

    @Test
    void shouldStoreEveryEventThatArrivedWhileTheDatabaseWasDownAndDeadLetterNone() throws Exception {
        // Given: the store works, then its database goes away
        String before = GoldenFixtures.newReportId();
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            produce(kafka, Topics.SUBMITTED, before, submitted(before));
            awaitStatus(before, "RECEIVED", d -> true);
            RestartablePostgresResource.stopServer();

            // When: five reports go through every stage, and one fails, while the database is down
            List<String> reports = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                String reportId = GoldenFixtures.newReportId();
                reports.add(reportId);
                UUID parsedId = UUID.randomUUID();
                produce(kafka, Topics.SUBMITTED, reportId, submitted(reportId));
                produce(kafka, Topics.PARSED, reportId, GoldenFixtures.json(
                        GoldenFixtures.rekeyed(GoldenEvents.PARSED, reportId, parsedId, Instant.now())));
                ObjectNode validated = GoldenFixtures.rekeyed(GoldenEvents.VALIDATED, reportId, UUID.randomUUID(),
                        Instant.now());
                validated.put("parsedEventId", parsedId.toString());
                produce(kafka, Topics.VALIDATED, reportId, GoldenFixtures.json(validated));
            }
            String failed = GoldenFixtures.newReportId();
            produce(kafka, Topics.FAILED, failed,
                    GoldenFixtures.json(GoldenFixtures.rekeyed(GoldenEvents.FAILED, failed, UUID.randomUUID(),
                            Instant.now())));

            // Then: the service says it is waiting for the database, not ready
            await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).until(() -> {
                JsonPath health = given().get("/q/health/ready").jsonPath();
                return health.getList("checks.findAll { it.name == 'store writes' }.status").contains("DOWN");
            });
            // the outage lasts well beyond the old retry budget (under 3 s) before the database comes back
            Thread.sleep(10_000);
            RestartablePostgresResource.startServer();

            // and afterwards every report is stored completely, none was dead-lettered, the service is ready again
            for (String reportId : reports) {
                JsonPath detail = awaitStatus(reportId, "VALIDATED",
                        d -> !d.getMap("cells").isEmpty() && d.getString("submittedAt") != null);
                assertThat(detail.getString("validation.verdict")).isEqualTo("FAIL");
            }
            awaitStatus(failed, "FAILED", d -> true);
            await().atMost(WAIT).pollInterval(Duration.ofMillis(250))
                    .until(() -> given().get("/q/health/ready").statusCode() == 200);
            for (String topic : DEAD_LETTER_TOPICS) {
                assertThat(TopicReader.readAll(bootstrap, topic)).as(topic)
                        .noneMatch(r -> reports.contains(r.key()) || failed.equals(r.key()));
            }
        }
    }

    private static String submitted(String reportId) {
        return EventCodec.encode(GoldenFixtures.submitted(reportId, "停库测试局", 2021, Instant.now(), null));
    }

    private static void produce(KafkaCompanion kafka, String topic, String key, String value) {
        kafka.produceStrings().fromRecords(KafkaCompanion.record(topic, key, value)).awaitCompletion(WAIT);
    }

    private static JsonPath awaitStatus(String reportId, String status,
            java.util.function.Predicate<JsonPath> also) {
        JsonPath[] last = new JsonPath[1];
        await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).until(() -> {
            var response = given().get("/api/v1/reports/{id}", reportId);
            if (response.statusCode() != 200) {
                return false;
            }
            last[0] = response.jsonPath();
            return status.equals(last[0].getString("status")) && also.test(last[0]);
        });
        return last[0];
    }
}

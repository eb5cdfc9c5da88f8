package io.annualreport.store;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.annualreport.model.GoldenEvents;
import io.annualreport.model.event.Topics;
import io.annualreport.testsupport.KafkaBrokerResource;
import io.annualreport.testsupport.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PostgresResource.class)
class EventStreamResourceTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @TestHTTPResource("/api/v1/events")
    URL events;

    @Test
    @Timeout(60)
    void shouldStreamAStoredValidationToAConnectedClient() throws Exception {
        // Given
        String reportId = GoldenFixtures.newReportId();
        UUID parsedId = UUID.randomUUID();
        ObjectNode parsed = GoldenFixtures.rekeyed(GoldenEvents.PARSED, reportId, parsedId, Instant.now());
        ObjectNode validated = GoldenFixtures.rekeyed(GoldenEvents.VALIDATED, reportId, UUID.randomUUID(),
                Instant.now().plusMillis(1));
        validated.put("parsedEventId", parsedId.toString());
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(events.toString()))
                .header("Accept", "text/event-stream").build();
        HttpResponse<Stream<String>> response = client.sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .get(30, TimeUnit.SECONDS);
        Iterator<String> lines = response.body().iterator();
        String connected = nextData(lines);

        // When: the validation arrives before its parse run, which is streamed only once both are stored
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            kafka.produceStrings().fromRecords(KafkaCompanion.record(Topics.VALIDATED, reportId,
                    GoldenFixtures.json(validated))).awaitCompletion(Duration.ofSeconds(30));
            kafka.produceStrings().fromRecords(KafkaCompanion.record(Topics.PARSED, reportId,
                    GoldenFixtures.json(parsed))).awaitCompletion(Duration.ofSeconds(30));
        }
        String data = nextData(lines);
        while (!data.contains(reportId)) {
            data = nextData(lines);
        }
        // a client that reads the report on the validated event finds it VALIDATED with its cells
        JsonPath detail = given().get("/api/v1/reports/{id}", reportId).then().statusCode(200).extract().jsonPath();
        response.body().close();

        // Then
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        assertThat(connected).contains("\"type\":\"connected\"");
        assertThat(data).contains("\"type\":\"validated\"").contains("\"verdict\":\"FAIL\"")
                .contains("\"agency\":\"老城区政务服务和大数据管理局\"").contains("\"errors\":1");
        assertThat(detail.getString("status")).isEqualTo("VALIDATED");
        assertThat(detail.getInt("cells.'t3.disclosed.total'.value")).isEqualTo(12);
    }

    @Test
    @Timeout(90)
    void shouldStreamToAUserLimitedToRegionsOnlyTheReportsOfThoseRegions() throws Exception {
        // Given: the test profile's "regional" user sees 淮安市 (320800) only; a report of 洛阳市老城区, then one of
        // 淮安市洪泽区, each linked to its region by the agency registry when stored
        String elsewhere = GoldenFixtures.newReportId();
        String inside = GoldenFixtures.newReportId();
        HttpClient client = HttpClient.newHttpClient();
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString("regional:regional".getBytes());
        HttpResponse<Stream<String>> regional = client.sendAsync(HttpRequest.newBuilder(URI.create(events.toString()))
                .header("Accept", "text/event-stream").header("Authorization", basic).build(),
                HttpResponse.BodyHandlers.ofLines()).get(30, TimeUnit.SECONDS);
        HttpResponse<Stream<String>> everyone = client.sendAsync(HttpRequest.newBuilder(URI.create(events.toString()))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines())
                .get(30, TimeUnit.SECONDS);
        Iterator<String> regionalLines = regional.body().iterator();
        Iterator<String> everyoneLines = everyone.body().iterator();
        assertThat(nextData(regionalLines)).contains("\"type\":\"connected\"");
        assertThat(nextData(everyoneLines)).contains("\"type\":\"connected\"");

        // When
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            storeReport(kafka, elsewhere, null);
            storeReport(kafka, inside, "淮安市洪泽区人民政府");
        }
        List<String> seenByEveryone = new java.util.ArrayList<>();
        while (seenByEveryone.stream().noneMatch(d -> d.contains(inside))) {
            seenByEveryone.add(nextData(everyoneLines));
        }
        String firstForRegional = nextData(regionalLines);
        regional.body().close();
        everyone.body().close();

        // Then: the user without a scope saw both; the regional user's first report event is the one of 淮安市
        assertThat(seenByEveryone).anyMatch(d -> d.contains(elsewhere));
        assertThat(firstForRegional).contains(inside).contains("\"regionCode\":\"3208");
    }

    /** Produces a golden parse run and its validation for a report, under another agency where one is given. */
    private void storeReport(KafkaCompanion kafka, String reportId, String agency) {
        UUID parsedId = UUID.randomUUID();
        ObjectNode parsed = GoldenFixtures.rekeyed(GoldenEvents.PARSED, reportId, parsedId, Instant.now());
        ObjectNode validated = GoldenFixtures.rekeyed(GoldenEvents.VALIDATED, reportId, UUID.randomUUID(),
                Instant.now().plusMillis(1));
        validated.put("parsedEventId", parsedId.toString());
        if (agency != null) {
            ObjectNode identity = (ObjectNode) parsed.path("report").path("identity");
            identity.put("agency", agency).put("title", agency + "2021年政府信息公开工作年度报告").put("region", "淮安市洪泽区");
            ((ObjectNode) validated.path("identity")).put("agency", agency);
        }
        kafka.produceStrings().fromRecords(KafkaCompanion.record(Topics.PARSED, reportId, GoldenFixtures.json(parsed)))
                .awaitCompletion(Duration.ofSeconds(30));
        kafka.produceStrings().fromRecords(
                KafkaCompanion.record(Topics.VALIDATED, reportId, GoldenFixtures.json(validated)))
                .awaitCompletion(Duration.ofSeconds(30));
    }

    /**
     * The next {@code data:} payload, waiting at most 30 s (read on another thread: a blocked read of the stream does
     * not give way to the test's own timeout).
     */
    private static String nextData(Iterator<String> lines) {
        try {
            return java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                while (lines.hasNext()) {
                    String line = lines.next();
                    if (line.startsWith("data:")) {
                        return line.substring(5).strip();
                    }
                }
                throw new AssertionError("the event stream ended");
            }).get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no event within 30 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for an event", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new AssertionError("reading the event stream failed", e.getCause());
        }
    }
}

package io.annualreport.store;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.annualreport.model.GoldenEvents;
import io.annualreport.model.event.EventCodec;
import io.annualreport.model.event.ReportParsedEvent;
import io.annualreport.model.event.ReportRevalidationRequestedEvent;
import io.annualreport.model.event.ReportSubmittedEvent;
import io.annualreport.model.event.RevalidationCause;
import io.annualreport.model.event.Topics;
import io.annualreport.testsupport.KafkaBrokerResource;
import io.annualreport.testsupport.PostgresResource;
import io.annualreport.testsupport.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PostgresResource.class)
class FollowingYearRevalidationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void shouldSendNextYearsReportAgainWhenItsPreviousYearArrivesLate() throws Exception {
        // Given: the 2024 reports of two agencies, validated while no 2023 report was stored (Y-01 not assessable)
        String suffix = GoldenFixtures.newReportId();
        String agency = "迟到局" + suffix;
        String next = GoldenFixtures.newReportId();
        String otherAgencysNext = GoldenFixtures.newReportId();
        store(next, agency, 2024, List.of("Y-01"));
        store(otherAgencysNext, "另一局" + suffix, 2024, List.of("Y-01"));
        // When: the first agency's 2023 report arrives late and is validated
        String previous = GoldenFixtures.newReportId();
        store(previous, agency, 2023, List.of("Y-01"));
        // Then: the stored parse run of that agency's 2024 report is validated again (no second submission, so no
        // second extraction), nobody else's is
        await().atMost(WAIT).pollInterval(Duration.ofMillis(250))
                .until(() -> revalidationsOf(next).size() == 1);
        ReportRevalidationRequestedEvent request = revalidationsOf(next).get(0);
        assertThat(request.cause()).isEqualTo(RevalidationCause.PREVIOUS_YEAR_ARRIVED);
        assertThat(request.report().identity().agency()).isEqualTo(agency);
        assertThat(request.report().identity().year()).isEqualTo(2024);
        assertThat(request.report().cells()).isNotEmpty();
        assertThat(submissionsOf(next)).isEqualTo(1);
        assertThat(revalidationsOf(otherAgencysNext)).isEmpty();
        assertThat(revalidationsOf(previous)).isEmpty();
    }

    @Test
    void shouldNotSendAgainANextYearWhoseContinuityWasAlreadyChecked() throws Exception {
        // Given: a 2024 report validated with its 2023 report present (Y-01 assessable)
        String suffix = GoldenFixtures.newReportId();
        String agency = "已核对局" + suffix;
        String next = GoldenFixtures.newReportId();
        store(next, agency, 2024, List.of());
        // When: a corrected 2023 report of the same agency is validated
        String corrected = GoldenFixtures.newReportId();
        store(corrected, agency, 2023, List.of("Y-01"));
        // Then: nothing is validated again
        Thread.sleep(1500);
        assertThat(revalidationsOf(next)).isEmpty();
        assertThat(submissionsOf(next)).isEqualTo(1);
    }

    private void store(String reportId, String agency, int year, List<String> notAssessable) throws Exception {
        ReportSubmittedEvent submitted = GoldenFixtures.submitted(reportId, agency, year, Instant.now(),
                "file:///nonexistent/" + reportId);
        ReportParsedEvent parsed = GoldenFixtures.parsed(reportId, agency, year, "2021", null);
        ObjectNode validated = GoldenFixtures.rekeyed(GoldenEvents.VALIDATED, reportId, UUID.randomUUID(),
                parsed.occurredAt().plusSeconds(1));
        validated.put("parsedEventId", parsed.eventId().toString());
        ObjectNode identity = (ObjectNode) validated.get("identity");
        identity.put("agency", agency);
        identity.put("year", year);
        var list = validated.putArray("notAssessable");
        notAssessable.forEach(list::add);
        try (var producer = new KafkaProducer<String, String>(Map.of("bootstrap.servers", bootstrap),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.SUBMITTED, reportId, EventCodec.encode(submitted))).get();
            producer.send(new ProducerRecord<>(Topics.PARSED, reportId, EventCodec.encode(parsed))).get();
            producer.send(new ProducerRecord<>(Topics.VALIDATED, reportId, GoldenFixtures.json(validated))).get();
        }
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
            var response = given().get("/api/v1/reports/{id}", reportId);
            return response.statusCode() == 200 && "VALIDATED".equals(response.jsonPath().getString("status"))
                    && response.jsonPath().getString("identity.agency") != null;
        });
    }

    private List<ReportRevalidationRequestedEvent> revalidationsOf(String reportId) {
        return TopicReader.readAll(bootstrap, Topics.REVALIDATE).stream().filter(r -> reportId.equals(r.key()))
                .map(r -> EventCodec.decode(r.value(), ReportRevalidationRequestedEvent.class)).toList();
    }

    private long submissionsOf(String reportId) {
        return TopicReader.readAll(bootstrap, Topics.SUBMITTED).stream().filter(r -> reportId.equals(r.key()))
                .count();
    }
}

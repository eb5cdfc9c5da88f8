package io.annualreport.store;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.annualreport.extraction.TikaTextExtractor;
import io.annualreport.model.event.EventCodec;
import io.annualreport.model.event.ReportIds;
import io.annualreport.model.event.ReportParsedEvent;
import io.annualreport.model.event.ReportSubmittedEvent;
import io.annualreport.model.event.ReportValidatedEvent;
import io.annualreport.model.event.Topics;
import io.annualreport.model.history.CrossYearContext;
import io.annualreport.model.history.PeerNarrative;
import io.annualreport.model.report.ParsedReport;
import io.annualreport.parser.ParseHints;
import io.annualreport.parser.ReportParser;
import io.annualreport.rules.RuleEngine;
import io.annualreport.rules.ValidationContext;
import io.annualreport.rules.ValidationResult;
import io.annualreport.testsupport.Samples;
import io.annualreport.testsupport.TestDirs;

/**
 * Reports of one agency across years for the agency tests: the real 2024 PDF of 淮安市洪泽区人民政府, and earlier
 * years made from a seed by renaming its agency and year and setting its 结转下年度 row; each is extracted and parsed
 * for real, stored through the broker, and validated as validate-service does (with the cross-year context the store
 * serves over HTTP).
 */
final class AgencyReports {

    private static final Duration WAIT = Duration.ofSeconds(90);

    private final String bootstrap;

    AgencyReports(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    /** A stored report: its id, canonical report and the result of its validation. */
    record Stored(String reportId, ParsedReport report, ValidationResult result) {
    }

    /**
     * A report of {@code agency} for {@code year} made from seed 004 (a clean 2021-edition report), with
     * {@code carriedForward} applications carried to the next year (natural persons and total).
     */
    static Path madeFromSeed(String agency, int year, int carriedForward) throws Exception {
        String seed = Files.readString(Samples.file("seeds/004_b1f6640387f14e95.txt"), StandardCharsets.UTF_8);
        String text = seed.replace("老城区行政审批和政务信息管理局 2024 年", agency + " " + year + " 年")
                .replace("2024 年", year + " 年")
                .replaceAll("(四、结转下年度继续办理\\t\\t)0\\t0\\t0\\t0\\t0\\t0\\t0",
                        "$1" + carriedForward + "\t0\t0\t0\t0\t0\t" + carriedForward);
        if (text.equals(seed) || !text.contains(agency + " " + year + " 年")) {
            throw new IllegalStateException("seed 004 no longer reads as expected");
        }
        Path file = TestDirs.fresh("agency").resolve(agency + year + ".txt");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    /** Extracts, parses, stores and validates one file; waits until the store has its verdict. */
    Stored submit(Path file, String mediaType) throws Exception {
        String sha = ReportIds.sha256(Files.readAllBytes(file));
        String reportId = ReportIds.fromSha256(sha);
        ParsedReport report = new ReportParser().parse(
                new TikaTextExtractor().extract(file, file.getFileName().toString(), mediaType),
                new ParseHints(file.getFileName().toString(), null, null));
        ObjectNode submittedNode = (ObjectNode) EventCodec.mapper().readTree(EventCodec.encode(GoldenFixtures
                .submitted(reportId, "x", 2000, Instant.now(), file.toUri().toString())));
        submittedNode.putNull("declaredAgency");
        submittedNode.putNull("declaredYear");
        submittedNode.put("sha256", sha);
        submittedNode.put("fileName", file.getFileName().toString());
        ReportSubmittedEvent submitted = EventCodec.decode(submittedNode.toString(), ReportSubmittedEvent.class);
        ReportParsedEvent parsed = new ReportParsedEvent(UUID.randomUUID(), reportId, Instant.now(), 1,
                ReportParser.VERSION, file.getFileName().toString(), sha, report);
        send(Topics.SUBMITTED, reportId, EventCodec.encode(submitted));
        send(Topics.PARSED, reportId, EventCodec.encode(parsed));
        ValidationResult result = validate(reportId, report);
        ReportValidatedEvent validated = new ReportValidatedEvent(UUID.randomUUID(), reportId, Instant.now(),
                ReportValidatedEvent.SCHEMA_VERSION, parsed.eventId(), ReportParser.VERSION, result.rulesetVersion(),
                result.verdict(), result.counts(), result.findings(), result.notAssessable(),
                new ReportValidatedEvent.IdentitySummary(report.identity().agency(), report.identity().year(),
                        report.identity().edition()),
                result.notAssessableReasons(), result.reviewReasons());
        send(Topics.VALIDATED, reportId, EventCodec.encode(validated));
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
            var response = given().get("/api/v1/reports/{id}", reportId);
            return response.statusCode() == 200 && "VALIDATED".equals(response.jsonPath().getString("status"));
        });
        return new Stored(reportId, report, result);
    }

    /** Validates a report with the context store-service serves for it, as validate-service does. */
    static ValidationResult validate(String reportId, ParsedReport report) {
        CrossYearContext context = context(report.identity().agency(), report.identity().year(), reportId);
        return new RuleEngine().validate(report, new ValidationContext(
                Optional.ofNullable(context.previousYear()).map(p -> p.toParsedReport()),
                context.peers().stream().map(PeerNarrative::toParsedReport).toList()));
    }

    /** The store's cross-year context of a printed agency and year. */
    static CrossYearContext context(String agency, int year, String exclude) {
        String json = given().queryParam("agency", agency).queryParam("year", year).queryParam("exclude", exclude)
                .get("/api/v1/agencies/cross-year").then().statusCode(200).extract().asString();
        return EventCodec.decode(json, CrossYearContext.class);
    }

    private void send(String topic, String key, String value) throws Exception {
        try (var producer = new KafkaProducer<String, String>(Map.of("bootstrap.servers", bootstrap),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }
}

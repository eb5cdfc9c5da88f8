package io.annualreport.store;

import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.annualreport.model.GoldenEvents;
import io.annualreport.model.event.EventCodec;
import io.annualreport.model.event.ReportParsedEvent;
import io.annualreport.model.event.ReportSubmittedEvent;
import io.annualreport.model.event.ReportValidatedEvent;

/** The golden event samples of report-model, verbatim or re-keyed to a fresh report so that tests do not interfere. */
public final class GoldenFixtures {

    private GoldenFixtures() {
    }

    /** A random, valid report id. */
    public static String newReportId() {
        byte[] bytes = new byte[8];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** A golden sample as a mutable JSON tree. */
    public static ObjectNode tree(String resource) {
        try {
            return (ObjectNode) EventCodec.mapper().readTree(GoldenEvents.json(resource));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A golden sample about another report, with a new event id and the given time. */
    public static ObjectNode rekeyed(String resource, String reportId, UUID eventId, Instant occurredAt) {
        ObjectNode node = tree(resource);
        node.put("reportId", reportId);
        node.put("eventId", eventId.toString());
        node.put("occurredAt", occurredAt.toString());
        return node;
    }

    /** The JSON text of a tree. */
    public static String json(ObjectNode node) {
        return node.toString();
    }

    /** A submitted event for a report of this agency and year, built from the golden sample. */
    public static ReportSubmittedEvent submitted(String reportId, String agency, int year, Instant submittedAt,
            String blobUri) {
        ObjectNode node = rekeyed(GoldenEvents.SUBMITTED, reportId, UUID.randomUUID(), submittedAt);
        node.put("sha256", reportId + "0".repeat(48));
        node.put("declaredAgency", agency);
        node.put("declaredYear", year);
        node.put("submittedAt", submittedAt.toString());
        node.put("fileName", agency + year + "年政府信息公开工作年度报告.pdf");
        node.put("blobUri", blobUri);
        return EventCodec.decode(json(node), ReportSubmittedEvent.class);
    }

    /** A parsed event of the golden report, re-keyed to this report, agency, year and edition. */
    public static ReportParsedEvent parsed(String reportId, String agency, int year, String edition, String region) {
        ObjectNode node = rekeyed(GoldenEvents.PARSED, reportId, UUID.randomUUID(),
                Instant.parse("2026-01-20T08:15:31Z"));
        ObjectNode identity = (ObjectNode) node.get("report").get("identity");
        identity.put("agency", agency);
        identity.put("year", year);
        identity.put("edition", edition);
        identity.put("region", region);
        identity.put("title", agency + year + "年政府信息公开工作年度报告");
        return EventCodec.decode(json(node), ReportParsedEvent.class);
    }

    /** A validated event of the golden report (FAIL with T3-03 and S-17), re-keyed, with this verdict. */
    public static ReportValidatedEvent validated(String reportId, UUID parsedEventId, String verdict,
            boolean withFindings) {
        ObjectNode node = rekeyed(GoldenEvents.VALIDATED, reportId, UUID.randomUUID(),
                Instant.parse("2026-01-20T08:15:32Z"));
        node.put("parsedEventId", parsedEventId.toString());
        node.put("verdict", verdict);
        if (!withFindings) {
            node.putArray("findings");
        }
        return EventCodec.decode(json(node), ReportValidatedEvent.class);
    }
}

package io.annualreport.store;

import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.annualreport.model.GoldenEvents;
import io.annualreport.model.event.EventCodec;

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
}

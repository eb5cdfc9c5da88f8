package io.annualreport.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * A W3C trace context made up by a test (as an upstream service would send it) and read back from what a service
 * published, to show that each hop continues the trace it received.
 */
public record TraceContext(String traceId, String spanId) {

    /** A fresh random, sampled context. */
    public static TraceContext random() {
        byte[] trace = new byte[16];
        byte[] span = new byte[8];
        ThreadLocalRandom.current().nextBytes(trace);
        ThreadLocalRandom.current().nextBytes(span);
        return new TraceContext(HexFormat.of().formatHex(trace), HexFormat.of().formatHex(span));
    }

    /** The {@code traceparent} header value. */
    public String traceparent() {
        return "00-" + traceId + "-" + spanId + "-01";
    }

    /** The context of a published record's {@code traceparent} header. */
    public static TraceContext of(ConsumerRecord<?, ?> record) {
        Header header = record.headers().lastHeader("traceparent");
        if (header == null) {
            throw new AssertionError("the record on " + record.topic() + " carries no traceparent header");
        }
        String[] parts = new String(header.value(), StandardCharsets.US_ASCII).split("-");
        return new TraceContext(parts[1], parts[2]);
    }
}

package io.annualreport.model.event;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.annualreport.model.report.ParsedReport;

/** Published by parse on {@code reports.parsed}: the canonical model of one report as read by one parser version. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReportParsedEvent(
        UUID eventId,
        String reportId,
        Instant occurredAt,
        int schemaVersion,
        String parserVersion,
        String fileName,
        String sha256,
        ParsedReport report) implements ReportEvent {

    public static final int SCHEMA_VERSION = 1;
}

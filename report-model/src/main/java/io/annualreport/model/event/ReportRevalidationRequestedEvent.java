package io.annualreport.model.event;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.annualreport.model.report.ParsedReport;

/**
 * Published by store on {@code reports.revalidate}: validate a stored parse run again, without extracting or parsing
 * the file again. validate answers with an ordinary {@link ReportValidatedEvent} whose {@code parsedEventId} is this
 * event's {@code parsedEventId} (so store files it as a new validation run of the same parse run) and whose id is
 * derived from this event's id.
 *
 * @param parsedEventId the id of the parsed event whose run is validated again
 * @param parserVersion the version of the parser that made that run
 * @param cause why the run is validated again
 * @param requestedBy who asked: a user name, or {@code store-service} when store decided by itself
 * @param report the parsed report as stored, with reviewers' corrections applied to its cells
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReportRevalidationRequestedEvent(
        UUID eventId,
        String reportId,
        Instant occurredAt,
        int schemaVersion,
        UUID parsedEventId,
        String parserVersion,
        RevalidationCause cause,
        String requestedBy,
        ParsedReport report) implements ReportEvent {

    public static final int SCHEMA_VERSION = 1;
}

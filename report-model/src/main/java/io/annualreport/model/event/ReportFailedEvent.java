package io.annualreport.model.event;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Published by any stage on {@code reports.failed} when a report cannot go further; a normal terminal state. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReportFailedEvent(
        UUID eventId,
        String reportId,
        Instant occurredAt,
        int schemaVersion,
        Stage stage,
        FailureReason reason,
        String message,
        int attempt) implements ReportEvent {

    public static final int SCHEMA_VERSION = 1;

    /** The pipeline stage that gave up on the report. */
    public enum Stage {
        INGEST, PARSE, VALIDATE, STORE
    }
}

package io.annualreport.model.event;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Published by ingest on {@code reports.submitted} once a file is durable in the blob store (claim check). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReportSubmittedEvent(
        UUID eventId,
        String reportId,
        Instant occurredAt,
        int schemaVersion,
        String sha256,
        String fileName,
        String mediaType,
        long size,
        String blobUri,
        String submitter,
        String declaredAgency,
        Integer declaredYear,
        Instant submittedAt) implements ReportEvent {

    public static final int SCHEMA_VERSION = 1;
}

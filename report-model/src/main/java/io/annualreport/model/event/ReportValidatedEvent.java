package io.annualreport.model.event;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.annualreport.model.report.Edition;
import io.annualreport.model.validation.Finding;
import io.annualreport.model.validation.SeverityCounts;
import io.annualreport.model.validation.Verdict;

/** Published by validate on {@code reports.validated} (also as a binary-mode CloudEvent): the verdict on one report. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReportValidatedEvent(
        UUID eventId,
        String reportId,
        Instant occurredAt,
        int schemaVersion,
        UUID parsedEventId,
        String parserVersion,
        String rulesetVersion,
        Verdict verdict,
        SeverityCounts counts,
        List<Finding> findings,
        List<String> notAssessable,
        IdentitySummary identity) implements ReportEvent {

    public static final int SCHEMA_VERSION = 1;

    /** The few identity fields a dashboard needs without the whole parsed report. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record IdentitySummary(String agency, Integer year, Edition edition) {
    }
}

package io.annualreport.model.event;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.annualreport.model.template.Edition;
import io.annualreport.model.validation.Finding;
import io.annualreport.model.validation.SeverityCounts;
import io.annualreport.model.validation.Verdict;

/**
 * Published by validate on {@code reports.validated} (also as a binary-mode CloudEvent): the verdict on one report.
 *
 * @param notAssessable ids of rules that could not be assessed
 * @param notAssessableReasons for each such rule, why (in Chinese), e.g. {@code 输入单元格未读出: t3.disclosed.total}
 * @param reviewReasons why the verdict is NEEDS_REVIEW (in Chinese); empty otherwise
 */
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
        IdentitySummary identity,
        Map<String, String> notAssessableReasons,
        List<String> reviewReasons) implements ReportEvent {

    public static final int SCHEMA_VERSION = 1;

    public ReportValidatedEvent {
        notAssessableReasons = notAssessableReasons == null ? Map.of() : Map.copyOf(notAssessableReasons);
        reviewReasons = reviewReasons == null ? List.of() : List.copyOf(reviewReasons);
    }

    /** An event without reasons (older validators). */
    public ReportValidatedEvent(UUID eventId, String reportId, Instant occurredAt, int schemaVersion,
            UUID parsedEventId, String parserVersion, String rulesetVersion, Verdict verdict, SeverityCounts counts,
            List<Finding> findings, List<String> notAssessable, IdentitySummary identity) {
        this(eventId, reportId, occurredAt, schemaVersion, parsedEventId, parserVersion, rulesetVersion, verdict,
                counts, findings, notAssessable, identity, Map.of(), List.of());
    }

    /** The few identity fields a dashboard needs without the whole parsed report. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record IdentitySummary(String agency, Integer year, Edition edition) {
    }
}

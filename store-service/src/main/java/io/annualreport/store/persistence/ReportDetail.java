package io.annualreport.store.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The detail of one report as published by {@code GET /api/v1/reports/{reportId}} (docs/architecture.md §5); fields beyond the
 * contract are additions, none is renamed.
 */
public record ReportDetail(
        String reportId,
        String fileName,
        String sha256,
        String status,
        Identity identity,
        List<SectionView> sections,
        Map<String, CellView> cells,
        List<JsonNode> facts,
        Validation validation,
        Failure failure,
        Instant submittedAt,
        Instant statusAt,
        String parserVersion,
        boolean currentVersion) {

    /** Who published the report and for which year, as read by the current parse run. */
    public record Identity(String title, String agency, Integer year, String edition, String region) {
    }

    /** One of the six parts. */
    public record SectionView(int number, String heading, String text) {
    }

    /** One table cell with its provenance. */
    public record CellView(BigDecimal value, String raw, String semantic, Integer page, Integer line, String source) {
    }

    /** The current validation run. */
    public record Validation(String verdict, String rulesetVersion, int errors, int warnings, int infos,
            Instant validatedAt, List<FindingView> findings, List<String> notAssessable) {
    }

    /** One finding of the current validation run. */
    public record FindingView(String ruleId, String ruleVersion, String severity, String message, String messageEn,
            List<String> cells, Integer section, BigDecimal expected, BigDecimal actual, String evidence) {
    }

    /** The latest failure, present while the report is FAILED. */
    public record Failure(String stage, String reason, String message, int attempt, Instant occurredAt) {
    }
}

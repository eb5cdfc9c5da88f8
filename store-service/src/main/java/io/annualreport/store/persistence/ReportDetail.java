package io.annualreport.store.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import io.annualreport.model.report.ReadingReport;

/**
 * The detail of one report as published by {@code GET /api/v1/reports/{reportId}}; fields beyond the first contract
 * are additions, none is renamed.
 *
 * @param reading what the current parse run read and could not read; null for runs of parsers older than the
 *        reading report
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
        ReadingReport reading,
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

    /**
     * One table cell with its provenance and how sure the reading is.
     *
     * @param certainty {@code CERTAIN} or {@code DOUBTFUL}
     * @param doubt why the cell is doubtful ({@code OCR_LOW_CONFIDENCE}, {@code COLUMN_INFERRED},
     *        {@code VALUE_REPAIRED}, {@code DAMAGED_FILE}); null when certain
     * @param correction the reviewer's current value of the cell, null when uncorrected; {@code value} and
     *        {@code raw} stay the machine's reading (both null for a cell the machine did not read)
     */
    public record CellView(BigDecimal value, String raw, String semantic, Integer page, Integer line, String source,
            String certainty, String doubt, @JsonInclude(JsonInclude.Include.NON_NULL) CorrectionView correction) {

        /** An uncorrected cell. */
        public CellView(BigDecimal value, String raw, String semantic, Integer page, Integer line, String source,
                String certainty, String doubt) {
            this(value, raw, semantic, page, line, source, certainty, doubt, null);
        }

        /** The same cell with the reviewer's value. */
        public CellView corrected(CorrectionView by) {
            return new CellView(value, raw, semantic, page, line, source, certainty, doubt, by);
        }
    }

    /** A reviewer's value of a cell: the number, as entered, who, when, why; {@code version} counts from 1. */
    public record CorrectionView(BigDecimal value, String raw, String by, Instant at, String note, int version) {
    }

    /**
     * The current validation run.
     *
     * @param notAssessableReasons why each rule of {@code notAssessable} could not be assessed, in Chinese
     * @param reviewReasons why the verdict is NEEDS_REVIEW, in Chinese; empty otherwise
     */
    public record Validation(String verdict, String rulesetVersion, int errors, int warnings, int infos,
            Instant validatedAt, List<FindingView> findings, List<String> notAssessable,
            Map<String, String> notAssessableReasons, List<String> reviewReasons) {
    }

    /** One finding of the current validation run. */
    public record FindingView(String ruleId, String ruleVersion, String severity, String message, String messageEn,
            List<String> cells, Integer section, BigDecimal expected, BigDecimal actual, String evidence) {
    }

    /** The latest failure, present while the report is FAILED. */
    public record Failure(String stage, String reason, String message, int attempt, Instant occurredAt) {
    }
}

package io.annualreport.store.review;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.annualreport.model.review.FindingDecision;
import io.annualreport.model.review.Rectification;
import io.annualreport.model.review.ReviewState;
import io.annualreport.store.persistence.ReviewRecords;

/**
 * The review of one report as {@code GET /api/v1/reports/{reportId}/review} publishes it: its state, each finding of
 * the current validation run with the reviewer's decision, every correction, and rectification against the previous
 * version of the same agency-year.
 */
public record ReviewView(String reportId, String agency, Integer year, String verdict, String verdictLabel,
        ReviewState state, String stateLabel, List<ReviewRecords.StateChange> stateHistory,
        List<FindingReview> findings, List<ReviewRecords.Correction> corrections, PreviousVersion previousVersion) {

    /**
     * One finding with the reviewer's word on it.
     *
     * @param inLetter whether the review letter lists it: every finding not dismissed
     * @param notes the notes added to it, oldest first
     */
    public record FindingReview(String key, String ruleId, String ruleTitle, String severity, String message,
            List<String> cells, List<String> cellLabels, List<Integer> pages, Integer section, BigDecimal expected,
            BigDecimal actual, String evidence, FindingDecision decision, String decisionLabel, String reason,
            String decidedBy, Instant decidedAt, List<ReviewRecords.Decision> notes, boolean inLetter,
            Rectification previously) {
    }

    /** The previous version of the same agency-year and what became of each of its findings. */
    public record PreviousVersion(String reportId, List<PreviousFinding> findings) {
    }

    /** A finding of the previous version: resolved in this version, or still open. */
    public record PreviousFinding(String key, String ruleId, String message, List<String> cells,
            Rectification status, String statusLabel) {
    }
}

package io.annualreport.rules;

import java.util.List;
import java.util.Map;

import io.annualreport.model.validation.Finding;
import io.annualreport.model.validation.SeverityCounts;
import io.annualreport.model.validation.Verdict;

/**
 * The outcome of running a rule set on one report.
 *
 * @param notAssessableReasons for each rule that could not be assessed, why (in Chinese), where known
 * @param reviewReasons why a human should check the report (unread or doubtful inputs, uncertain identity, a damaged
 *        file), in Chinese; non-empty for NEEDS_REVIEW
 */
public record ValidationResult(String rulesetVersion, Verdict verdict, SeverityCounts counts, List<Finding> findings,
        List<String> notAssessable, Map<String, String> notAssessableReasons, List<String> reviewReasons) {

    public ValidationResult {
        notAssessableReasons = notAssessableReasons == null ? Map.of() : Map.copyOf(notAssessableReasons);
        reviewReasons = reviewReasons == null ? List.of() : List.copyOf(reviewReasons);
    }

    /** A result without reasons. */
    public ValidationResult(String rulesetVersion, Verdict verdict, SeverityCounts counts, List<Finding> findings,
            List<String> notAssessable) {
        this(rulesetVersion, verdict, counts, findings, notAssessable, Map.of(), List.of());
    }
}

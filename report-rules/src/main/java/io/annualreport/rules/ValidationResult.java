package io.annualreport.rules;

import java.util.List;

import io.annualreport.model.validation.Finding;
import io.annualreport.model.validation.SeverityCounts;
import io.annualreport.model.validation.Verdict;

/** The outcome of running a rule set on one report. */
public record ValidationResult(String rulesetVersion, Verdict verdict, SeverityCounts counts, List<Finding> findings,
        List<String> notAssessable) {
}

package io.annualreport.rules;

import java.util.Optional;

import io.annualreport.model.report.ParsedReport;

/** What the rules may know beyond the report itself: the same agency's report of the previous year, if stored. */
public record ValidationContext(Optional<ParsedReport> previousYear) {

    /** No history available. */
    public static ValidationContext standalone() {
        return new ValidationContext(Optional.empty());
    }
}

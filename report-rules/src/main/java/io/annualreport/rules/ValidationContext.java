package io.annualreport.rules;

import java.util.List;
import java.util.Optional;

import io.annualreport.model.report.ParsedReport;

/**
 * What the rules may know beyond the report itself, filled by validate-service from store-service's query API.
 *
 * @param previousYear the same agency's report of the previous year (Y-01…Y-03), if stored
 * @param otherAgencies reports of other agencies to compare narratives with (Y-04); empty when not looked up
 */
public record ValidationContext(Optional<ParsedReport> previousYear, List<ParsedReport> otherAgencies) {

    public ValidationContext {
        previousYear = previousYear == null ? Optional.empty() : previousYear;
        otherAgencies = otherAgencies == null ? List.of() : List.copyOf(otherAgencies);
    }

    /** A context with the previous year's report only. */
    public ValidationContext(Optional<ParsedReport> previousYear) {
        this(previousYear, List.of());
    }

    /** No history available. */
    public static ValidationContext standalone() {
        return new ValidationContext(Optional.empty(), List.of());
    }
}

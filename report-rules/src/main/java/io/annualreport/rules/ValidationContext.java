package io.annualreport.rules;

import java.util.List;
import java.util.Optional;

import io.annualreport.model.report.ParsedReport;

/**
 * What the rules may know beyond the report itself, filled by validate-service from store-service's cross-year
 * context (the canonical agency's previous year and its peers).
 *
 * @param previousYear the same agency's report of the previous year (Y-01…Y-03), if stored
 * @param otherAgencies reports of other agencies to compare narratives with (Y-04); empty when not looked up
 * @param historyUnavailable why the history could not be looked up at all (in Chinese, e.g. the store is away), null
 *        when it was looked up; the cross-document rules are then not assessable with this reason
 */
public record ValidationContext(Optional<ParsedReport> previousYear, List<ParsedReport> otherAgencies,
        String historyUnavailable) {

    public ValidationContext {
        previousYear = previousYear == null ? Optional.empty() : previousYear;
        otherAgencies = otherAgencies == null ? List.of() : List.copyOf(otherAgencies);
    }

    /** A context whose history was looked up. */
    public ValidationContext(Optional<ParsedReport> previousYear, List<ParsedReport> otherAgencies) {
        this(previousYear, otherAgencies, null);
    }

    /** A context with the previous year's report only. */
    public ValidationContext(Optional<ParsedReport> previousYear) {
        this(previousYear, List.of());
    }

    /** No history available. */
    public static ValidationContext standalone() {
        return new ValidationContext(Optional.empty(), List.of());
    }

    /** The history could not be looked up, for the given reason (in Chinese). */
    public static ValidationContext unavailable(String reason) {
        return new ValidationContext(Optional.empty(), List.of(), reason);
    }
}

package io.annualreport.validate.history;

import java.util.Optional;

import io.annualreport.model.report.ParsedReport;

/** Where cross-year rules find the same agency's report of the previous year. */
public interface ReportHistory {

    /**
     * The current report of this agency for {@code year - 1}, if one is stored.
     *
     * @param excludeReportId the report being validated, never its own history
     */
    Optional<ParsedReport> previousYear(String agency, int year, String excludeReportId);
}

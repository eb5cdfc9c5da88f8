package io.annualreport.validate.history;

import io.annualreport.model.history.CrossYearContext;

/** Where cross-document rules find the canonical agency's previous year and its peers of the same year. */
public interface ReportHistory {

    /**
     * What the store knows about the agency of a report across years and agencies.
     *
     * @param agency the agency as printed
     * @param agencyFull its full name when the printed one is abbreviated, else null
     * @param excludeReportId the report being validated, never its own history
     * @throws RuntimeException when the store cannot answer (it is away, too slow, or the circuit is open)
     */
    CrossYearContext context(String agency, String agencyFull, int year, String excludeReportId);
}

package io.annualreport.store.rest;

import java.util.Arrays;

import jakarta.ws.rs.QueryParam;

import io.annualreport.model.template.Edition;
import io.annualreport.model.validation.Verdict;
import io.annualreport.store.persistence.ReportFilter;
import io.annualreport.store.persistence.ReportStatus;

/** The filter query parameters shared by the list, the aggregates and the exports. */
public class FilterParams {

    /** A substring of the agency name. */
    @QueryParam("agency")
    public String agency;

    @QueryParam("region")
    public String region;

    @QueryParam("year")
    public Integer year;

    /** {@code 2019}, {@code 2021}, {@code mixed} or {@code unknown}. */
    @QueryParam("edition")
    public String edition;

    /** {@code PASS}, {@code WARN}, {@code NEEDS_REVIEW}, {@code FAIL} or {@code UNREADABLE}. */
    @QueryParam("verdict")
    public String verdict;

    /** A rule id such as {@code T3-03}: reports whose current validation has a finding of it. */
    @QueryParam("rule")
    public String rule;

    /** {@code RECEIVED}, {@code PARSED}, {@code VALIDATED} or {@code FAILED}. */
    @QueryParam("status")
    public String status;

    /** Only the current version of each agency and year. */
    @QueryParam("current")
    public boolean current;

    /** The filter these parameters describe; throws when a value is outside its vocabulary. */
    public ReportFilter toFilter() {
        String verdictName = blankToNull(verdict);
        if (verdictName != null && Arrays.stream(Verdict.values()).noneMatch(v -> v.name().equals(verdictName))) {
            throw new InvalidRequestException("INVALID_VERDICT",
                    "verdict must be one of " + Arrays.toString(Verdict.values()));
        }
        String statusName = blankToNull(status);
        if (statusName != null
                && Arrays.stream(ReportStatus.values()).noneMatch(s -> s.name().equals(statusName))) {
            throw new InvalidRequestException("INVALID_STATUS",
                    "status must be one of " + Arrays.toString(ReportStatus.values()));
        }
        String editionCode = blankToNull(edition);
        if (editionCode != null) {
            Edition parsed = Edition.fromCode(editionCode);
            if (parsed == Edition.UNKNOWN && !"unknown".equalsIgnoreCase(editionCode)) {
                throw new InvalidRequestException("INVALID_EDITION", "edition must be 2019, 2021, mixed or unknown");
            }
            editionCode = parsed.code();
        }
        if (year != null && (year < 1990 || year > 2200)) {
            throw new InvalidRequestException("INVALID_YEAR", "year is out of range");
        }
        return new ReportFilter(blankToNull(agency), blankToNull(region), year, editionCode, verdictName,
                blankToNull(rule), statusName, current);
    }

    /** The same filters restricted to the current version of each agency and year. */
    static final class Current extends FilterParams {
        Current(FilterParams of) {
            agency = of.agency;
            region = of.region;
            year = of.year;
            edition = of.edition;
            verdict = of.verdict;
            rule = of.rule;
            status = of.status;
            current = true;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

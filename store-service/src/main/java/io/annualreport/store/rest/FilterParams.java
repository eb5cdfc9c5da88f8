package io.annualreport.store.rest;

import java.util.Arrays;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import io.annualreport.model.template.Edition;
import io.annualreport.model.validation.Verdict;
import io.annualreport.store.persistence.ReportFilter;
import io.annualreport.store.persistence.ReportStatus;
import io.annualreport.store.security.RegionScope;
import io.quarkus.arc.Arc;

/** The filter query parameters shared by the list, the aggregates and the exports. */
public class FilterParams {

    /** A substring of the agency name. */
    @QueryParam("agency")
    @Parameter(description = "a part of the agency's name, e.g. 教育局")
    public String agency;

    /** A GB/T 2260 code (that division and everything below it) or a region name as printed. */
    @QueryParam("region")
    @Parameter(description = "a GB/T 2260 division code of 2, 4 or 6 digits (the division and everything below it,"
            + " e.g. 3208 or 320800 for 淮安市), or a region name as printed")
    public String region;

    /** The report year. */
    @QueryParam("year")
    @Parameter(description = "the year the report is about, e.g. 2024")
    public Integer year;

    /** {@code 2019}, {@code 2021}, {@code mixed} or {@code unknown}. */
    @QueryParam("edition")
    @Parameter(description = "2019, 2021, mixed or unknown")
    public String edition;

    /** {@code PASS}, {@code WARN}, {@code NEEDS_REVIEW}, {@code FAIL} or {@code UNREADABLE}. */
    @QueryParam("verdict")
    @Parameter(description = "PASS, WARN, NEEDS_REVIEW, FAIL or UNREADABLE")
    public String verdict;

    /** A rule id such as {@code T3-03}: reports whose current validation has a finding of it. */
    @QueryParam("rule")
    @Parameter(description = "a rule id such as T3-03: reports whose current validation has a finding of it")
    public String rule;

    /** {@code RECEIVED}, {@code PARSED}, {@code VALIDATED} or {@code FAILED}. */
    @QueryParam("status")
    @Parameter(description = "RECEIVED, PARSED, VALIDATED or FAILED")
    public String status;

    /**
     * Only the current version of each agency and year ({@code true}) or every version ({@code false}, 含历史版本).
     * Unset: current versions for the list, the statistics, the overview and the exports ({@link #forReading()}),
     * every version for a bulk job ({@link #toFilter()}).
     */
    @QueryParam("current")
    @Parameter(description = "true: only the current version of each agency and year; false: every version (含历史版本)."
            + " Default: true for the report list, the aggregates, the overview and the exports; false for the bulk"
            + " reprocess job")
    public Boolean current;

    /**
     * The filter of what people read (list, statistics, overview, exports): current versions unless current=false,
     * within the regions of the signed-in user ({@link RegionScope}); throws when a value is outside its vocabulary.
     */
    public ReportFilter forReading() {
        return scoped(unscoped(current == null || current));
    }

    /**
     * The filter these parameters describe, every version unless current=true, within the regions of the signed-in
     * user ({@link RegionScope}); throws when a value is outside its vocabulary.
     */
    public ReportFilter toFilter() {
        return scoped(unscoped(current != null && current));
    }

    private static ReportFilter scoped(ReportFilter filter) {
        var scope = Arc.container().instance(RegionScope.class);
        return scope.isAvailable() && Arc.container().requestContext().isActive() ? scope.get().apply(filter) : filter;
    }

    private ReportFilter unscoped(boolean currentOnly) {
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
                blankToNull(rule), statusName, currentOnly);
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

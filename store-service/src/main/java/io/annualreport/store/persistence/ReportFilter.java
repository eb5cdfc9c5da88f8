package io.annualreport.store.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The filters of the report list, the aggregates and the exports; a null field does not filter.
 *
 * @param agency a substring of the agency name (case-insensitive)
 * @param region a GB/T 2260 code (2, 4 or 6 digits: that division's subtree) or a region name as printed
 * @param ruleId only reports whose current validation has a finding of this rule
 * @param currentOnly only the current version of each agency and year
 * @param regionScope the region prefixes (32, 3208, 320813) of a user limited to regions: only reports whose agency
 *        registry region lies below one of them; null for a user who sees every region (an empty list allows none)
 */
public record ReportFilter(String agency, String region, Integer year, String edition, String verdict, String ruleId,
        String status, boolean currentOnly, List<String> regionScope) {

    /** A filter of a user who sees every region. */
    public ReportFilter(String agency, String region, Integer year, String edition, String verdict, String ruleId,
            String status, boolean currentOnly) {
        this(agency, region, year, edition, verdict, ruleId, status, currentOnly, null);
    }

    /**
     * Whether the report {@code r} is the current version of its agency and year: no report of the same group was
     * submitted later (ties broken by report id). A report without agency or year is its own group.
     */
    public static final String CURRENT_VERSION = """
            (r.version_agency is null or r.version_year is null or not exists (
                select 1 from report n where n.version_agency = r.version_agency and n.version_year = r.version_year
                and (coalesce(n.submitted_at, n.created_at), n.report_id)
                    > (coalesce(r.submitted_at, r.created_at), r.report_id)))""";

    /** No filter at all. */
    public static ReportFilter none() {
        return new ReportFilter(null, null, null, null, null, null, null, false);
    }

    /** The same filter restricted to current versions. */
    public ReportFilter currentVersionsOnly() {
        return new ReportFilter(agency, region, year, edition, verdict, ruleId, status, true, regionScope);
    }

    /** Only this filter's region scope (no scope: every report). */
    public ReportFilter regionScopeOnly() {
        return new ReportFilter(null, null, null, null, null, null, null, false, regionScope);
    }

    /** The same filter limited to the reports below these region prefixes. */
    public ReportFilter withinRegions(List<String> prefixes) {
        return new ReportFilter(agency, region, year, edition, verdict, ruleId, status, currentOnly,
                List.copyOf(prefixes));
    }

    /** A SQL condition on the table alias {@code r} and its parameters, in order. */
    public Where where() {
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        if (agency != null && !agency.isBlank()) {
            conditions.add("strpos(r.agency_search, ?) > 0");
            parameters.add(agency.strip().toLowerCase(Locale.ROOT));
        }
        if (region != null && region.strip().matches("\\d{2}|\\d{4}|\\d{6}")) {
            // a GB/T 2260 code: the division and everything below it
            String code = region.strip();
            conditions.add("r.region_code like ?");
            parameters.add(io.annualreport.store.agency.Region.subtreePrefix((code + "0000").substring(0, 6)) + "%");
        } else if (region != null && !region.isBlank()) {
            conditions.add("r.region = ?");
            parameters.add(region.strip());
        }
        if (year != null) {
            conditions.add("r.report_year = ?");
            parameters.add(year);
        }
        if (edition != null && !edition.isBlank()) {
            conditions.add("r.edition = ?");
            parameters.add(edition.strip());
        }
        if (verdict != null && !verdict.isBlank()) {
            conditions.add("r.verdict = ?");
            parameters.add(verdict.strip());
        }
        if (status != null && !status.isBlank()) {
            conditions.add("r.status = ?");
            parameters.add(status.strip());
        }
        if (ruleId != null && !ruleId.isBlank()) {
            conditions.add(
                    "exists (select 1 from finding f where f.run_id = r.current_validation_run_id and f.rule_id = ?)");
            parameters.add(ruleId.strip());
        }
        if (currentOnly) {
            conditions.add(CURRENT_VERSION);
        }
        if (regionScope != null) {
            // a user limited to regions: reports not linked to a region are outside every scope
            List<String> within = new ArrayList<>();
            for (String prefix : regionScope) {
                within.add("r.region_code like ?");
                parameters.add(prefix + "%");
            }
            conditions.add(within.isEmpty() ? "false" : "(" + String.join(" or ", within) + ")");
        }
        String sql = conditions.isEmpty() ? "true" : String.join(" and ", conditions);
        return new Where(sql, parameters);
    }

    /** A SQL condition and its parameters. */
    public record Where(String sql, List<Object> parameters) {
    }
}

package io.annualreport.store.persistence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Statistics over the reports that match a filter (by default their current versions).
 *
 * @param years per report year: counts by verdict and status, and sums of the key T3/T4 cells
 * @param topFailingRules the rules with the most reports having an ERROR or WARNING finding
 * @param verdictsOverTime per day of validation, counts by verdict
 */
public record Aggregates(long reports, Map<String, Long> byVerdict, Map<String, Long> byStatus, List<YearStats> years,
        List<RuleStats> topFailingRules, List<DayStats> verdictsOverTime) {

    /** The statistics of one report year. */
    public record YearStats(Integer year, long reports, Map<String, Long> byVerdict, Map<String, BigDecimal> cellSums) {
    }

    /** How often a rule fails. */
    public record RuleStats(String ruleId, long reports, long findings, long errors, long warnings) {
    }

    /** Verdict counts of one day. */
    public record DayStats(LocalDate day, Map<String, Long> byVerdict) {
    }
}

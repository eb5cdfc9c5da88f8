package io.annualreport.rules.engine;

import java.util.List;

import io.annualreport.model.template.Edition;

/**
 * A versioned rule set for one edition of the format and the report years it applies to; its version string (e.g.
 * {@code 2021-1.0.0}) is recorded with every validation result.
 *
 * @param version semantic version of the set: major for a changed verdict semantics, minor for new rules, patch for
 *        fixes that change no passing report
 * @param toYear last report year, or null when open-ended
 */
public record RuleSet(Edition edition, String version, int fromYear, Integer toYear, List<RegisteredRule> rules) {

    /** The identifier stored with results, e.g. {@code 2021-1.0.0}. */
    public String id() {
        return edition.code() + "-" + version;
    }

    /** Whether the set is meant for a report year. */
    public boolean covers(int year) {
        return year >= fromYear && (toYear == null || year <= toYear);
    }
}

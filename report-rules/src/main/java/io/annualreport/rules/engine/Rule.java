package io.annualreport.rules.engine;

/** One consistency check of the catalogue: reads a report and raises findings through the sink bound to its rule. */
@FunctionalInterface
public interface Rule {

    /** Runs the check on one report. */
    void check(RuleInput input, FindingSink sink);
}

package io.annualreport.rules;

import java.util.List;

import io.annualreport.model.report.ParsedReport;
import io.annualreport.model.validation.SeverityCounts;
import io.annualreport.model.validation.Verdict;
import io.annualreport.rules.engine.FindingSink;
import io.annualreport.rules.engine.Part;
import io.annualreport.rules.engine.RegisteredRule;
import io.annualreport.rules.engine.RuleInput;
import io.annualreport.rules.engine.RuleSet;
import io.annualreport.rules.engine.RuleSpec;

/**
 * Runs the versioned rule set of a report's edition (template-spec §3) on a parsed report and decides its verdict:
 * PASS, WARN, FAIL, or UNREADABLE when the tables could not be read (then only document-level findings are raised,
 * never a cascade of arithmetic errors). Stateless and thread-safe.
 */
public final class RuleEngine {

    /** Validates one report with the rule set of its edition. */
    public ValidationResult validate(ParsedReport report, ValidationContext context) {
        return validate(report, context, RuleSets.forReport(report.identity()));
    }

    /** Validates one report with a given rule set. */
    public ValidationResult validate(ParsedReport report, ValidationContext context, RuleSet ruleSet) {
        Integer year = report.identity() == null ? null : report.identity().year();
        ValidationContext history = context == null ? ValidationContext.standalone() : context;
        RuleInput input = new RuleInput(report, ruleSet.edition(), year, history.previousYear(),
                history.otherAgencies());
        FindingSink sink = new FindingSink();
        boolean unreadable = unreadable(input);
        for (RegisteredRule rule : ruleSet.rules()) {
            RuleSpec spec = rule.spec();
            if (!spec.appliesTo(ruleSet.edition(), year)) {
                continue;
            }
            sink.bind(spec);
            if (!spec.implemented() || unreadable && needsTables(spec)) {
                sink.notAssessable();
                continue;
            }
            rule.rule().check(input, sink);
        }
        SeverityCounts counts = SeverityCounts.of(sink.findings());
        Verdict verdict = unreadable
                ? Verdict.UNREADABLE
                : counts.errors() > 0 ? Verdict.FAIL : counts.warnings() > 0 ? Verdict.WARN : Verdict.PASS;
        return new ValidationResult(ruleSet.id(), verdict, counts, List.copyOf(sink.findings()),
                sink.notAssessableIds());
    }

    /** No text and no cells, no part found, or neither T3 nor T4 read: the rules about the tables cannot run. */
    private static boolean unreadable(RuleInput input) {
        ParsedReport report = input.report();
        boolean noCells = report.cells() == null || report.cells().isEmpty();
        boolean noText = report.text() == null || report.text().isBlank();
        boolean noSections = report.sections() == null || report.sections().isEmpty();
        return noCells && (noText || noSections) || !input.tables().hasTable("t3") && !input.tables().hasTable("t4");
    }

    private static boolean needsTables(RuleSpec spec) {
        return spec.part() == Part.T2 || spec.part() == Part.T3 || spec.part() == Part.T4
                || spec.part() == Part.HISTORY;
    }
}

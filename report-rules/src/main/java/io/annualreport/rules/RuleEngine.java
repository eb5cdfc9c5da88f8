package io.annualreport.rules;

import java.util.ArrayList;
import java.util.List;

import io.annualreport.model.report.ParsedReport;
import io.annualreport.model.validation.SeverityCounts;
import io.annualreport.model.validation.Verdict;
import io.annualreport.rules.engine.Calibration;
import io.annualreport.rules.engine.Coverage;
import io.annualreport.rules.engine.FindingSink;
import io.annualreport.rules.engine.Part;
import io.annualreport.rules.engine.RegisteredRule;
import io.annualreport.rules.engine.RuleInput;
import io.annualreport.rules.engine.RuleSet;
import io.annualreport.rules.engine.RuleSpec;

/**
 * Runs the versioned rule set of a report's edition on a parsed report and decides its verdict, first that applies:
 * UNREADABLE (neither T3 nor T4 read: only document-level rules run, never a cascade of arithmetic errors), FAIL (an
 * ERROR stands on cells read with certainty), NEEDS_REVIEW (inputs unread or doubtful, identity uncertain, file
 * damaged), WARN, PASS. Every rule runs through {@link Calibration}, which withdraws findings on unread cells and
 * turns errors on doubtful cells into warnings. Stateless and thread-safe.
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
            if (!spec.implemented()) {
                sink.notAssessable("规则尚未实现");
                continue;
            }
            if (spec.part() == Part.HISTORY && history.historyUnavailable() != null) {
                sink.notAssessable(history.historyUnavailable());
                continue;
            }
            if (unreadable && needsTables(spec)) {
                sink.notAssessable("未读出表三和表四的任何数据，表格规则无法运行");
                continue;
            }
            Calibration.run(rule, input, sink);
        }
        SeverityCounts counts = SeverityCounts.of(sink.findings());
        List<String> reviewReasons = reviewReasons(input.coverage(), sink);
        Verdict verdict = unreadable
                ? Verdict.UNREADABLE
                : counts.errors() > 0
                        ? Verdict.FAIL
                        : !reviewReasons.isEmpty()
                                ? Verdict.NEEDS_REVIEW
                                : counts.warnings() > 0 ? Verdict.WARN : Verdict.PASS;
        return new ValidationResult(ruleSet.id(), verdict, counts, List.copyOf(sink.findings()),
                sink.notAssessableIds(), sink.notAssessableReasons(), reviewReasons);
    }

    /**
     * Why a human should look at the report: the identity is uncertain, the file is damaged, or inputs of the rules
     * are in the document but were not read or were read with doubt (each reason with the rules it concerns).
     */
    private static List<String> reviewReasons(Coverage coverage, FindingSink sink) {
        List<String> reasons = new ArrayList<>();
        for (String doubt : coverage.identityDoubts()) {
            reasons.add("报告身份存疑：" + doubt);
        }
        for (String damage : coverage.damage()) {
            reasons.add("文件受损：" + damage);
        }
        sink.reviews().forEach((reason, rules) -> reasons.add(reason + "（涉及规则 " + String.join("、", rules) + "）"));
        return reasons;
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

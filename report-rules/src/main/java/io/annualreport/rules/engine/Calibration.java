package io.annualreport.rules.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;

import io.annualreport.model.validation.Finding;
import io.annualreport.model.validation.Severity;

/**
 * Runs one rule and judges its findings by the certainty of their inputs, so that no rule has to: a finding that
 * rests on a cell that is in the document but was not read is withdrawn and the rule is not assessable; an ERROR that
 * rests on a doubtful cell becomes a WARNING asking for a human check of that cell. The inputs are the cells a
 * finding names, else the cells the rule looked up.
 */
public final class Calibration {

    /** The prefix of a finding downgraded because of a doubtful cell. */
    public static final String CHECK_PREFIX = "【请人工核对】";

    private Calibration() {
    }

    /** Runs the rule on the input, then withdraws or downgrades its findings as their inputs require. */
    public static void run(RegisteredRule rule, RuleInput input, FindingSink sink) {
        TableView tables = input.tables();
        tables.forget();
        int before = sink.findings().size();
        rule.rule().check(input, sink);
        judge(rule.spec(), input, sink, before, tables.used());
    }

    private static void judge(RuleSpec spec, RuleInput input, FindingSink sink, int before, List<String> used) {
        Coverage coverage = input.coverage();
        List<Finding> findings = sink.findings();
        boolean raised = false;
        ListIterator<Finding> it = findings.listIterator(before);
        while (it.hasNext()) {
            Finding f = it.next();
            List<String> inputs = f.cells().isEmpty() && f.severity() == Severity.ERROR ? used : f.cells();
            String unread = sink.absenceChecked(f) ? null : first(inputs, coverage, false);
            if (unread != null && f.severity() != Severity.INFO) {
                it.remove();
                sink.notAssessable(unread);
                sink.review(unread);
                continue;
            }
            if (f.severity() == Severity.ERROR) {
                String doubt = first(inputs, coverage, true);
                if (doubt != null) {
                    it.set(new Finding(f.ruleId(), f.ruleVersion(), Severity.WARNING,
                            CHECK_PREFIX + doubt + "，据此得出：" + f.message(),
                            "[check by hand] a doubtful cell: " + f.messageEn(), f.cells(), f.section(), f.expected(),
                            f.actual(), f.evidence()));
                    sink.review(doubt);
                }
            }
            raised = true;
        }
        String unreadInput = first(used, coverage, false);
        if (unreadInput != null && (sink.isNotAssessable() || !raised)) {
            sink.notAssessable(unreadInput);
            sink.review(unreadInput);
        } else if (sink.isNotAssessable()) {
            sink.notAssessable(blankReason(used, input));
        }
    }

    private static String first(List<String> keys, Coverage coverage, boolean doubt) {
        for (String key : keys) {
            String why = doubt ? coverage.doubt(key) : coverage.unread(key);
            if (why != null) {
                return why;
            }
        }
        return null;
    }

    private static String blankReason(List<String> used, RuleInput input) {
        List<String> blank = new ArrayList<>();
        for (String key : used) {
            TableView.State state = TableView.state(input.tables().cells().get(key));
            if (state == TableView.State.BLANK || state == TableView.State.TEXT) {
                blank.add(Coverage.label(key));
            }
        }
        if (!blank.isEmpty()) {
            return "所需单元格空白或不是数字：" + String.join("、", blank.subList(0, Math.min(3, blank.size())))
                    + (blank.size() > 3 ? "等" : "");
        }
        return "报告中缺少本规则所需的内容（或需要上一年度报告等外部资料）";
    }
}

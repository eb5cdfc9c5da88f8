package io.annualreport.rules.catalogue;

import static io.annualreport.rules.catalogue.Specs.BOTH;
import static io.annualreport.rules.catalogue.Specs.E;
import static io.annualreport.rules.catalogue.Specs.spec;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.annualreport.model.template.ColumnDef;
import io.annualreport.model.template.TemplateRegistry;
import io.annualreport.rules.engine.FindingSink;
import io.annualreport.rules.engine.Part;
import io.annualreport.rules.engine.RegisteredRule;
import io.annualreport.rules.engine.RuleInput;
import io.annualreport.rules.engine.RuleSpec;
import io.annualreport.rules.engine.TableView;

/** Table T4 arithmetic (docs/format.md §3.4): the three group totals and non-negative integer cells. */
public final class T4Rules {

    static final RuleSpec T4_01 = spec("T4-01", E, BOTH, Part.T4, "行政复议 total",
            "RV.TOT = RV.UPH + RV.COR + RV.OTH + RV.PEND", "表四行政复议总计为{0}，但各结果之和为{1}",
            "T4 administrative review total is {0} but the outcomes sum to {1}");
    static final RuleSpec T4_02 = spec("T4-02", E, BOTH, Part.T4, "未经复议直接起诉 total",
            "LD.TOT = LD.UPH + LD.COR + LD.OTH + LD.PEND", "表四未经复议直接起诉总计为{0}，但各结果之和为{1}",
            "T4 direct litigation total is {0} but the outcomes sum to {1}");
    static final RuleSpec T4_03 = spec("T4-03", E, BOTH, Part.T4, "复议后起诉 total",
            "LR.TOT = LR.UPH + LR.COR + LR.OTH + LR.PEND", "表四复议后起诉总计为{0}，但各结果之和为{1}",
            "T4 litigation after review total is {0} but the outcomes sum to {1}");
    static final RuleSpec T4_04 = spec("T4-04", E, BOTH, Part.T4, "Non-negative integers",
            "all 15 T4 cells ∈ ℕ (words in a number cell included)", "表四“{0}”不是非负整数：{1}",
            "T4 cell {0} is not a non-negative integer: {1}");

    private static final String[] OUTCOMES = {"upheld", "corrected", "other", "pending"};

    private T4Rules() {
    }

    /** T4-01…T4-04 in catalogue order. */
    public static List<RegisteredRule> rules() {
        return List.of(
                new RegisteredRule(T4_01, (in, sink) -> groupTotal(in, sink, "review")),
                new RegisteredRule(T4_02, (in, sink) -> groupTotal(in, sink, "litigation_direct")),
                new RegisteredRule(T4_03, (in, sink) -> groupTotal(in, sink, "litigation_after_review")),
                new RegisteredRule(T4_04, T4Rules::naturalNumbers));
    }

    private static final java.util.Map<String, List<String>> OUTCOME_KEYS = new java.util.HashMap<>();

    static {
        for (String group : List.of("review", "litigation_direct", "litigation_after_review")) {
            List<String> keys = new ArrayList<>();
            for (String outcome : OUTCOMES) {
                keys.add(TemplateRegistry.t4(group + "_" + outcome));
            }
            OUTCOME_KEYS.put(group, List.copyOf(keys));
        }
    }

    private static void groupTotal(RuleInput in, FindingSink sink, String group) {
        if (!in.tables().hasTable("t4")) {
            sink.notAssessable();
            return;
        }
        List<String> keys = OUTCOME_KEYS.get(group);
        String totalKey = TemplateRegistry.t4(group + "_total");
        BigDecimal sum = in.tables().sum(keys);
        BigDecimal total = in.tables().number(totalKey);
        if (sum == null || total == null) {
            sink.notAssessable();
            return;
        }
        if (sum.compareTo(total) != 0) {
            List<String> involved = new ArrayList<>(keys);
            involved.add(totalKey);
            sink.finding(total, sum).cells(involved).expected(sum).actual(total).evidence(in.tables().source(totalKey))
                    .raise();
        }
    }

    private static void naturalNumbers(RuleInput in, FindingSink sink) {
        List<ColumnDef> columns = TemplateRegistry.t4Columns();
        for (int i = 0; i < columns.size(); i++) {
            ColumnDef c = columns.get(i);
            String key = TableView.t4Key(i);
            var cell = in.tables().cell(key);
            if (cell == null) {
                continue;
            }
            TableView.State state = TableView.state(cell);
            boolean bad = state == TableView.State.TEXT
                    || state == TableView.State.NUMBER && !CellValueRules.isNatural(cell.value());
            if (bad) {
                sink.finding(c.group() + "·" + c.label(), cell.raw()).cells(key).actual(cell.value())
                        .evidence(cell.source()).raise();
            }
        }
    }
}

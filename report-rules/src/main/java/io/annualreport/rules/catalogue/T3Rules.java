package io.annualreport.rules.catalogue;

import static io.annualreport.rules.catalogue.Specs.BOTH;
import static io.annualreport.rules.catalogue.Specs.E;
import static io.annualreport.rules.catalogue.Specs.I;
import static io.annualreport.rules.catalogue.Specs.NEW;
import static io.annualreport.rules.catalogue.Specs.W;
import static io.annualreport.rules.catalogue.Specs.spec;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.annualreport.model.report.Fact;
import io.annualreport.model.template.ColumnDef;
import io.annualreport.model.template.TemplateRegistry;
import io.annualreport.rules.engine.FindingSink;
import io.annualreport.rules.engine.Part;
import io.annualreport.rules.engine.RegisteredRule;
import io.annualreport.rules.engine.RuleInput;
import io.annualreport.rules.engine.RuleSpec;
import io.annualreport.rules.engine.TableView;

/** Table T3 arithmetic (docs/format.md §3.3): row totals, the (七)总计 column sums, the 勾稽 identity and its corollaries. */
public final class T3Rules {

    static final RuleSpec T3_01 = spec("T3-01", E, BOTH, Part.T3, "Row total = sum of the six applicant columns",
            "∀ row r: r.TOT = Σ_app(r)",
            "表三“{0}”行总计为{1}，但六类申请人之和为{2}", "T3 row {0}: total is {1} but the six applicant columns sum to {2}");
    static final RuleSpec T3_02 = spec("T3-02", E, BOTH, Part.T3, "(七)总计 = sum of all detail rows, per column",
            "∀ c: R3_7.c = Σ_{r∈DETAIL} r.c",
            "表三（七）总计（{0}列）为{1}，但各办理结果之和为{2}",
            "T3 (七) total ({0}) is {1} but the handling results sum to {2}");
    static final RuleSpec T3_03 = spec("T3-03", E, BOTH, Part.T3, "勾稽: 一 + 二 = 三(七) + 四, per column",
            "∀ c: R1.c + R2.c = R3_7.c + R4.c",
            "表三勾稽关系不成立（{0}列）：一 + 二 = {1}，三（七）+ 四 = {2}",
            "T3 identity fails ({0}): new + carried over = {1} but handled + carried forward = {2}");
    static final RuleSpec T3_04 = spec("T3-04", E, BOTH, Part.T3, "Carry-over bounded",
            "∀ c: R4.c ≤ R1.c + R2.c",
            "表三结转下年度（{0}列）{1}件，超过本年新收与上年结转之和{2}件",
            "T3 carried forward ({0}) is {1}, more than new plus carried over ({2})");
    static final RuleSpec T3_05 = spec("T3-05", E, BOTH, Part.T3, "Zero-activity consistency",
            "R1.TOT + R2.TOT = 0 ⇒ every T3 cell = 0",
            "表三无新收和上年结转申请，但有{0}个单元格不为0", "T3 has no new or carried-over applications but {0} cells are not 0");
    static final RuleSpec T3_06 = spec("T3-06", I, BOTH, Part.T3, "Sub-group subtotals (diagnostics)",
            "(三)=Σ R3_3_*, (四)=Σ R3_4_*, (五)=Σ R3_5_*, (六)=Σ R3_6_*; raised with a T3-02 failure on 总计",
            "表三办理结果分组小计（总计列）：予以公开{0}，部分公开{1}，不予公开{2}，无法提供{3}，不予处理{4}，其他处理{5}",
            "T3 result subtotals (total): disclosed {0}, partial {1}, withheld {2}, unavailable {3}, not processed {4},"
                    + " other {5}");
    static final RuleSpec T3_07 = spec("T3-07", W, NEW, Part.T3, "Fee-refusal row needs a fee regime",
            "R3_6_2.TOT > 0 ⇒ section 六 reports 收费通知 > 0 or fees collected > 0",
            "表三（六）2.逾期未缴费不再处理{0}件，但第六部分未说明发出收费通知",
            "T3 三(六)2 (fee unpaid) is {0} but part 六 reports no fee notice",
            "Reads facts fee_notices and fees_collected: the document facts, else the sentence facts (收费通知…N件 and"
                    + " 收取…N元 in part 六).");
    static final RuleSpec T3_08 = spec("T3-08", I, BOTH, Part.T3, "部分公开 counted once",
            "narrative \"区分处理 N 件\" ⇒ R3_2.TOT ≥ N",
            "正文称区分处理{0}件，但表三部分公开仅{1}件", "The text says {0} applications were partially disclosed (区分处理),"
                    + " T3 部分公开 has {1}",
            "Reads the parser's sentence fact separated_handling (区分处理…N件 in parts 一 and 三).");

    private static final List<String> APPLICANT_COLUMNS = TemplateRegistry.t3Columns().stream()
            .map(ColumnDef::key).filter(k -> !k.equals("total")).toList();

    private T3Rules() {
    }

    /** The T3 rules in catalogue order. */
    public static List<RegisteredRule> rules() {
        return List.of(
                new RegisteredRule(T3_01, T3Rules::rowTotals),
                new RegisteredRule(T3_02, T3Rules::columnTotals),
                new RegisteredRule(T3_03, T3Rules::identity),
                new RegisteredRule(T3_04, T3Rules::carryOverBounded),
                new RegisteredRule(T3_05, T3Rules::zeroActivity),
                new RegisteredRule(T3_06, T3Rules::subtotals),
                new RegisteredRule(T3_07, T3Rules::feeRefusal),
                new RegisteredRule(T3_08, T3Rules::partialCountedOnce));
    }

    private static final List<String> COLUMN_KEYS = TemplateRegistry.t3Columns().stream().map(ColumnDef::key)
            .toList();

    private static String key(String row, String column) {
        return TableView.t3Key(row, COLUMN_KEYS.indexOf(column));
    }

    private static List<String> t3Rows(RuleInput in) {
        List<String> rows = new ArrayList<>();
        rows.add("new_received");
        rows.add("carried_over");
        rows.addAll(in.tables().t3DetailRows());
        rows.add("total_handled");
        rows.add("carried_forward");
        return rows;
    }

    private static void rowTotals(RuleInput in, FindingSink sink) {
        if (!in.tables().hasTable("t3")) {
            sink.notAssessable();
            return;
        }
        for (String row : t3Rows(in)) {
            if (!in.tables().hasT3Row(row)) {
                continue;
            }
            List<String> keys = new ArrayList<>(7);
            for (String c : APPLICANT_COLUMNS) {
                keys.add(key(row, c));
            }
            BigDecimal sum = in.tables().sum(keys);
            BigDecimal total = in.tables().number(key(row, "total"));
            if (sum == null || total == null) {
                sink.notAssessable();
                continue;
            }
            if (sum.compareTo(total) != 0) {
                keys.add(key(row, "total"));
                String label = TemplateRegistry.cell(key(row, "total")).map(d -> d.row().label()).orElse(row);
                sink.finding(label, total, sum).cells(keys).expected(sum).actual(total)
                        .evidence(in.tables().source(key(row, "total"))).raise();
            }
        }
    }

    private static BigDecimal detailSum(RuleInput in, String column, List<String> keys) {
        for (String row : in.tables().t3DetailRows()) {
            keys.add(key(row, column));
        }
        return in.tables().sum(keys);
    }

    private static void columnTotals(RuleInput in, FindingSink sink) {
        if (!in.tables().hasTable("t3")) {
            sink.notAssessable();
            return;
        }
        for (ColumnDef column : TemplateRegistry.t3Columns()) {
            List<String> keys = new ArrayList<>();
            BigDecimal sum = detailSum(in, column.key(), keys);
            String totalKey = key("total_handled", column.key());
            BigDecimal total = in.tables().number(totalKey);
            if (sum == null || total == null) {
                sink.notAssessable();
                continue;
            }
            if (sum.compareTo(total) != 0) {
                keys.add(totalKey);
                sink.finding(column.label(), total, sum).cells(keys).expected(sum).actual(total)
                        .evidence(in.tables().source(totalKey)).raise();
            }
        }
    }

    private static void identity(RuleInput in, FindingSink sink) {
        if (!in.tables().hasTable("t3")) {
            sink.notAssessable();
            return;
        }
        for (ColumnDef column : TemplateRegistry.t3Columns()) {
            String c = column.key();
            String[] keys = {key("new_received", c), key("carried_over", c), key("total_handled", c),
                    key("carried_forward", c)};
            BigDecimal r1 = in.tables().number(keys[0]);
            BigDecimal r2 = in.tables().number(keys[1]);
            BigDecimal r37 = in.tables().number(keys[2]);
            BigDecimal r4 = in.tables().number(keys[3]);
            if (r1 == null || r2 == null || r37 == null || r4 == null) {
                sink.notAssessable();
                continue;
            }
            BigDecimal left = r1.add(r2);
            BigDecimal right = r37.add(r4);
            if (left.compareTo(right) != 0) {
                sink.finding(column.label(), left, right).cells(keys).expected(left).actual(right)
                        .evidence(in.tables().source(keys[2], keys[0])).raise();
            }
        }
    }

    private static void carryOverBounded(RuleInput in, FindingSink sink) {
        if (!in.tables().hasTable("t3")) {
            sink.notAssessable();
            return;
        }
        for (ColumnDef column : TemplateRegistry.t3Columns()) {
            String c = column.key();
            BigDecimal r1 = in.tables().number(key("new_received", c));
            BigDecimal r2 = in.tables().number(key("carried_over", c));
            BigDecimal r4 = in.tables().number(key("carried_forward", c));
            if (r1 == null || r2 == null || r4 == null) {
                sink.notAssessable();
                continue;
            }
            BigDecimal bound = r1.add(r2);
            if (r4.compareTo(bound) > 0) {
                sink.finding(column.label(), r4, bound)
                        .cells(key("carried_forward", c), key("new_received", c), key("carried_over", c))
                        .expected(bound).actual(r4).evidence(in.tables().source(key("carried_forward", c))).raise();
            }
        }
    }

    private static void zeroActivity(RuleInput in, FindingSink sink) {
        if (!in.tables().hasTable("t3")) {
            sink.notAssessable();
            return;
        }
        BigDecimal r1 = in.tables().number(key("new_received", "total"));
        BigDecimal r2 = in.tables().number(key("carried_over", "total"));
        if (r1 == null || r2 == null) {
            sink.notAssessable();
            return;
        }
        if (r1.signum() != 0 || r2.signum() != 0) {
            return;
        }
        List<String> nonZero = new ArrayList<>();
        for (String row : t3Rows(in)) {
            for (ColumnDef column : TemplateRegistry.t3Columns()) {
                BigDecimal v = in.tables().number(key(row, column.key()));
                if (v != null && v.signum() != 0) {
                    nonZero.add(key(row, column.key()));
                }
            }
        }
        if (!nonZero.isEmpty()) {
            sink.finding(nonZero.size()).cells(nonZero).expected(BigDecimal.ZERO)
                    .evidence(in.tables().source(nonZero.get(0))).raise();
        }
    }

    private static void subtotals(RuleInput in, FindingSink sink) {
        if (!in.tables().hasTable("t3")) {
            sink.notAssessable();
            return;
        }
        List<String> keys = new ArrayList<>();
        BigDecimal sum = detailSum(in, "total", keys);
        BigDecimal total = in.tables().number(key("total_handled", "total"));
        if (sum == null || total == null || sum.compareTo(total) == 0) {
            return;
        }
        BigDecimal[] groups = new BigDecimal[6];
        String[] prefixes = {"disclosed", "partially_disclosed", "withheld_", "unavailable_", "not_processed_",
                "other_"};
        for (int g = 0; g < 6; g++) {
            BigDecimal s = BigDecimal.ZERO;
            for (String row : in.tables().t3DetailRows()) {
                if (g < 2 ? row.equals(prefixes[g]) : row.startsWith(prefixes[g])) {
                    s = s.add(in.tables().number(key(row, "total")));
                }
            }
            groups[g] = s;
        }
        sink.finding((Object[]) groups).cells(keys).expected(total).actual(sum).raise();
    }

    private static void feeRefusal(RuleInput in, FindingSink sink) {
        String k = key("other_fee_unpaid", "total");
        BigDecimal unpaid = in.tables().number(k);
        if (unpaid == null) {
            sink.notAssessable();
            return;
        }
        if (unpaid.signum() <= 0) {
            return;
        }
        BigDecimal notices = NarrativeNumbers.feeNotices(in);
        BigDecimal collected = NarrativeNumbers.feesCollected(in);
        boolean feeRegime = notices != null && notices.signum() > 0 || collected != null && collected.signum() > 0;
        if (!feeRegime) {
            sink.finding(unpaid).cells(k).section(6).actual(unpaid).evidence(in.tables().source(k)).raise();
        }
    }

    private static void partialCountedOnce(RuleInput in, FindingSink sink) {
        String k = key("partially_disclosed", "total");
        var statements = in.text().sentenceFacts("separated_handling");
        if (statements.isEmpty()) {
            return;
        }
        Fact f = statements.get(0);
        BigDecimal stated = f.value();
        BigDecimal table = in.tables().number(k);
        if (table == null) {
            sink.notAssessable();
            return;
        }
        if (table.compareTo(stated) < 0) {
            sink.finding(stated, table).cells(k).section(f.section()).expected(stated).actual(table)
                    .evidence(f.evidence()).raise();
        }
    }
}

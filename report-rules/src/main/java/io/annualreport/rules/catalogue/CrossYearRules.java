package io.annualreport.rules.catalogue;

import static io.annualreport.rules.catalogue.Specs.BOTH;
import static io.annualreport.rules.catalogue.Specs.I;
import static io.annualreport.rules.catalogue.Specs.NEW;
import static io.annualreport.rules.catalogue.Specs.W;
import static io.annualreport.rules.catalogue.Specs.spec;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.annualreport.model.report.Cell;
import io.annualreport.model.report.ParseWarning;
import io.annualreport.model.report.ParsedReport;
import io.annualreport.model.template.ColumnDef;
import io.annualreport.model.template.TemplateRegistry;
import io.annualreport.model.text.NarrativeText;
import io.annualreport.model.validation.Severity;
import io.annualreport.rules.engine.FindingSink;
import io.annualreport.rules.engine.Part;
import io.annualreport.rules.engine.RegisteredRule;
import io.annualreport.rules.engine.RuleInput;
import io.annualreport.rules.engine.RuleSpec;
import io.annualreport.rules.engine.TableView;
import io.annualreport.rules.text.Similarity;

/**
 * Cross-document rules (docs/format.md §3.6): the same agency's previous-year report (Y-01…Y-03), other agencies'
 * reports (Y-04) and publication timeliness (Y-05, not implemented: the model has no publication date).
 */
public final class CrossYearRules {

    /** Narrative similarity above which a report counts as copied. */
    public static final double COPY_THRESHOLD = 0.9;

    /** Why Y-01…Y-03 are not assessable when the agency's previous year is not stored. */
    public static final String NO_PREVIOUS_YEAR = "未找到同一机关上一年度的报告";

    static final RuleSpec Y_01 = spec("Y-01", W, BOTH, Part.HISTORY, "Carry-over continuity",
            "R2(Y).c = R4(Y-1).c for each column c; ERROR on TOT when both reports have no blank T3 cell and no T3 parse"
                    + " warning",
            "本年上年结转（{0}列）为{1}，但上一年度报告结转下年度为{2}",
            "Carried over ({0}) is {1} but last year's report carried forward {2}",
            "Reads ValidationContext.previousYear (store-service's query API); not assessable without it or when its"
                    + " year is not Y-1.");
    static final RuleSpec Y_02 = spec("Y-02", W, NEW, Part.HISTORY, "Stock continuity of 规章 / 行政规范性文件",
            "现行有效件数(Y) = 现行有效件数(Y-1) + 本年制发件数(Y) − 本年废止件数(Y) (2021→2021 only)",
            "{0}现行有效件数为{1}，按上年{2}件加本年制发减废止应为{3}",
            "{0} in force is {1}; last year's {2} plus issued minus repealed gives {3}",
            "Reads ValidationContext.previousYear; not assessable without a 2021-edition previous report.");
    static final RuleSpec Y_03 = spec("Y-03", W, BOTH, Part.HISTORY, "Not a copy of last year",
            "narrative (parts 一, 五, 六) trigram similarity with report Y-1 > 0.9, or identical non-zero tables",
            "与上一年度报告{0}", "Same as last year's report: {1}",
            "Reads ValidationContext.previousYear; not assessable without it.");
    static final RuleSpec Y_04 = spec("Y-04", I, BOTH, Part.HISTORY, "Cross-agency cloning",
            "narrative trigram similarity > 0.9 with another agency's report", "正文与{0}的报告高度雷同（相似度{1}）",
            "The narrative is near-identical to {0}'s report (similarity {1})",
            "Reads ValidationContext.otherAgencies (filled by the adapter); not assessable when empty.");
    static final RuleSpec Y_05 = new RuleSpec("Y-05", Specs.V1, W, BOTH, null, null, Part.HISTORY,
            "Publication timeliness",
            "publish date ≤ Y+1-01-31 (departments); ≤ Y+1-03-31 for the 本级政府 report (W; E if known and late)",
            "报告发布日期晚于法定期限", "The report was published after the statutory deadline", false,
            "Not implemented: neither ParsedReport nor ValidationContext carries a publication date yet; always"
                    + " listed as not assessable.");

    private CrossYearRules() {
    }

    /** Y-01…Y-05 in catalogue order. */
    public static List<RegisteredRule> rules() {
        return List.of(
                new RegisteredRule(Y_01, CrossYearRules::carryOver),
                new RegisteredRule(Y_02, CrossYearRules::stock),
                new RegisteredRule(Y_03, CrossYearRules::copied),
                new RegisteredRule(Y_04, CrossYearRules::cloned),
                new RegisteredRule(Y_05, (in, sink) -> sink.notAssessable()));
    }

    private static ParsedReport previous(RuleInput in) {
        if (in.previousYear() == null || in.previousYear().isEmpty()) {
            return null;
        }
        ParsedReport prev = in.previousYear().get();
        Integer prevYear = prev.identity() == null ? null : prev.identity().year();
        if (prevYear != null && in.year() != null && prevYear != in.year() - 1) {
            return null;
        }
        return prev;
    }

    private static BigDecimal number(ParsedReport report, String key) {
        Cell cell = report.cells() == null ? null : report.cells().get(key);
        TableView.State state = TableView.state(cell);
        return state == TableView.State.NUMBER
                ? cell.value()
                : state == TableView.State.NOT_APPLICABLE ? BigDecimal.ZERO : null;
    }

    private static boolean cleanT3(ParsedReport report) {
        if (report.cells() == null) {
            return false;
        }
        for (Map.Entry<String, Cell> e : report.cells().entrySet()) {
            if (e.getKey().startsWith("t3.") && TableView.state(e.getValue()) != TableView.State.NUMBER) {
                return false;
            }
        }
        if (report.parseWarnings() != null) {
            for (ParseWarning w : report.parseWarnings()) {
                if (w.subject() != null && w.subject().startsWith("t3")) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void carryOver(RuleInput in, FindingSink sink) {
        ParsedReport prev = previous(in);
        if (prev == null) {
            sink.notAssessable(NO_PREVIOUS_YEAR);
            return;
        }
        boolean clean = cleanT3(in.report()) && cleanT3(prev);
        for (ColumnDef column : TemplateRegistry.t3Columns()) {
            String now = TemplateRegistry.t3("carried_over", column.key());
            String before = TemplateRegistry.t3("carried_forward", column.key());
            BigDecimal r2 = in.tables().number(now);
            BigDecimal r4 = number(prev, before);
            if (r2 == null || r4 == null) {
                sink.notAssessable();
                continue;
            }
            if (r2.compareTo(r4) != 0) {
                boolean total = column.key().equals("total");
                sink.finding(column.label(), r2, r4).severity(total && clean ? Severity.ERROR : Severity.WARNING)
                        .cells(now).section(3).expected(r4).actual(r2).evidence(in.tables().source(now)).raise();
            }
        }
    }

    private static void stock(RuleInput in, FindingSink sink) {
        ParsedReport prev = previous(in);
        if (prev == null) {
            sink.notAssessable(NO_PREVIOUS_YEAR);
            return;
        }
        for (String row : List.of("regulations", "normative_documents")) {
            BigDecimal before = number(prev, "t2." + row + ".in_force");
            BigDecimal issued = in.tables().number("t2." + row + ".issued");
            BigDecimal repealed = in.tables().number("t2." + row + ".repealed");
            BigDecimal inForce = in.tables().number("t2." + row + ".in_force");
            if (before == null || issued == null || repealed == null || inForce == null) {
                sink.notAssessable();
                continue;
            }
            BigDecimal expected = before.add(issued).subtract(repealed);
            if (expected.compareTo(inForce) != 0) {
                sink.finding(row.equals("regulations") ? "规章" : "行政规范性文件", inForce, before, expected)
                        .cells("t2." + row + ".in_force", "t2." + row + ".issued", "t2." + row + ".repealed")
                        .section(2).expected(expected).actual(inForce)
                        .evidence(in.tables().source("t2." + row + ".in_force"))
                        .raise();
            }
        }
    }

    /** The narrative of parts 一, 五 and 六, normalized, for similarity. */
    static String narrative(ParsedReport report) {
        StringBuilder out = new StringBuilder();
        if (report.sections() != null) {
            for (var s : report.sections()) {
                if (s.number() == 1 || s.number() == 5 || s.number() == 6) {
                    out.append(NarrativeText.narrative(s.text()));
                }
            }
        }
        return out.toString();
    }

    private static void copied(RuleInput in, FindingSink sink) {
        ParsedReport prev = previous(in);
        if (prev == null) {
            sink.notAssessable(NO_PREVIOUS_YEAR);
            return;
        }
        String now = narrative(in.report());
        String before = narrative(prev);
        if (now.length() >= 100 && before.length() >= 100) {
            double similarity = Similarity.trigramJaccard(now, before);
            if (similarity > COPY_THRESHOLD) {
                String pct = String.format("%.0f%%", similarity * 100);
                sink.finding("正文相似度" + pct, "narrative similarity " + pct).section(1)
                        .evidence(now.substring(0, Math.min(120, now.length()))).raise();
                return;
            }
        }
        Map<String, Cell> cells = in.tables().cells();
        if (cells.isEmpty() || prev.cells() == null || !prev.cells().keySet().equals(cells.keySet())) {
            return;
        }
        boolean nonZero = false;
        for (Map.Entry<String, Cell> e : cells.entrySet()) {
            BigDecimal a = in.tables().number(e.getKey());
            BigDecimal b = number(prev, e.getKey());
            if (a == null || b == null || a.compareTo(b) != 0) {
                return;
            }
            nonZero |= a.signum() != 0;
        }
        if (nonZero) {
            sink.finding("全部表格数据完全相同", "all table numbers are identical").raise();
        }
    }

    private static void cloned(RuleInput in, FindingSink sink) {
        if (in.otherAgencies().isEmpty()) {
            sink.notAssessable("未找到同一地区同一年度其他机关的报告可供比对");
            return;
        }
        String now = narrative(in.report());
        if (now.length() < 100) {
            return;
        }
        for (ParsedReport other : in.otherAgencies()) {
            double similarity = Similarity.trigramJaccard(now, narrative(other));
            if (similarity > COPY_THRESHOLD) {
                String agency = other.identity() == null || other.identity().agency() == null
                        ? "另一机关"
                        : other.identity().agency();
                sink.finding(agency, String.format("%.2f", similarity)).section(1).raise();
            }
        }
    }
}

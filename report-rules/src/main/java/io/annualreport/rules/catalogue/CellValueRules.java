package io.annualreport.rules.catalogue;

import static io.annualreport.rules.catalogue.Specs.BOTH;
import static io.annualreport.rules.catalogue.Specs.E;
import static io.annualreport.rules.catalogue.Specs.I;
import static io.annualreport.rules.catalogue.Specs.OLD;
import static io.annualreport.rules.catalogue.Specs.W;
import static io.annualreport.rules.catalogue.Specs.spec;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.annualreport.model.report.Cell;
import io.annualreport.model.report.ParseWarning;
import io.annualreport.model.template.CellDef;
import io.annualreport.model.template.TemplateRegistry;
import io.annualreport.model.validation.Severity;
import io.annualreport.rules.engine.FindingSink;
import io.annualreport.rules.engine.Part;
import io.annualreport.rules.engine.RegisteredRule;
import io.annualreport.rules.engine.RuleInput;
import io.annualreport.rules.engine.RuleSpec;
import io.annualreport.rules.engine.TableView;

/** Cell-value rules (docs/format.md §3.2): natural counts, amounts, blank cells, money units, signed changes, artefacts. */
public final class CellValueRules {

    static final RuleSpec V_01 = spec("V-01", E, BOTH, Part.T3, "Counts are non-negative integers",
            "every T2 and T3 count cell ∈ ℕ (T4 is T-04; the 2019 本年增/减 is signed, V-05)",
            "“{0}”不是非负整数：{1}", "{0} is not a non-negative integer: {1}");
    static final RuleSpec V_02 = spec("V-02", E, BOTH, Part.T2, "Amounts are non-negative decimals",
            "T2(八) 本年收费金额 (2021) / 采购总金额 (2019) ≥ 0 (ERROR), ≤ 4 decimals (WARNING)",
            "“{0}”金额{1}不合规：{2}", "{0} amount {1} is invalid: {2}");
    static final RuleSpec V_03 = spec("V-03", W, BOTH, Part.T3, "No blank cells",
            "a blank cell is a missing operand (never read as 0): WARNING once per table, and every check using it is"
                    + " not assessable; \"/\", \"-\", \"—\" (not applicable) count as 0 and are INFO",
            "{0}有{1}个单元格{2}：{3}", "{4} has {1} cells {5}: {3}");
    static final RuleSpec V_04 = spec("V-04", W, BOTH, Part.T2, "Unit sanity for money",
            "a \"元\" suffix, or a value ≥ 100000 in a 万元 field, on (八)/(九)", "“{0}”填写为{1}，疑似以元而非万元填报",
            "{0} reads {1}: probably yuan entered in a 10k-yuan field");
    static final RuleSpec V_05 = spec("V-05", I, OLD, Part.T2, "本年增/减 is signed",
            "2019 only: \"+n\", \"-n\", \"增n\", \"减n\" accepted and normalised", "“{0}”填写为{1}，按{2}处理",
            "{0} reads {1}, normalised to {2}");
    static final RuleSpec V_06 = spec("V-06", I, BOTH, Part.DOCUMENT, "Extraction artefacts",
            "parse warning EXTRA_TRAILING_ZERO (extra zeros dropped) ⇒ INFO; EXTRA_NONZERO_VALUES (extra non-zero"
                    + " numbers) ⇒ ERROR",
            "{0}：{1}", "{0}: {1}",
            "Reads the parser's warnings by code: EXTRA_TRAILING_ZERO, EXTRA_NONZERO_VALUES (also EXTRA_NUMBERS).");

    private CellValueRules() {
    }

    /** V-01…V-06 in catalogue order. */
    public static List<RegisteredRule> rules() {
        return List.of(
                new RegisteredRule(V_01, CellValueRules::counts),
                new RegisteredRule(V_02, CellValueRules::amounts),
                new RegisteredRule(V_03, CellValueRules::blanks),
                new RegisteredRule(V_04, CellValueRules::units),
                new RegisteredRule(V_05, CellValueRules::signedChange),
                new RegisteredRule(V_06, CellValueRules::artefacts));
    }

    /** Whether a number is a non-negative integer. */
    static boolean isNatural(BigDecimal value) {
        return value.signum() >= 0 && (value.scale() <= 0 || value.stripTrailingZeros().scale() <= 0);
    }

    private static boolean isAmount(String key) {
        return key.endsWith(".amount_10k_yuan");
    }

    private static boolean isSigned(String key) {
        return key.startsWith("t2.") && key.endsWith(".change");
    }

    private static String label(String key) {
        return TemplateRegistry.cell(key).map(CellDef::label).orElse(key);
    }

    private static void counts(RuleInput in, FindingSink sink) {
        for (Map.Entry<String, Cell> e : in.tables().cells().entrySet()) {
            String key = e.getKey();
            if (key.startsWith("t4.") || isAmount(key) || isSigned(key)) {
                continue;
            }
            Cell cell = e.getValue();
            TableView.State state = TableView.state(cell);
            if (state == TableView.State.TEXT
                    || state == TableView.State.NUMBER && !isNatural(cell.value())) {
                sink.finding(label(key), cell.raw()).cells(key).section(key.startsWith("t2.") ? 2 : 3)
                        .actual(cell.value()).evidence(cell.source()).raise();
            }
        }
    }

    private static void amounts(RuleInput in, FindingSink sink) {
        for (String key : List.of("t2.fees.amount_10k_yuan", "t2.procurement.amount_10k_yuan")) {
            Cell cell = in.tables().cell(key);
            if (cell == null || TableView.state(cell) != TableView.State.NUMBER) {
                if (cell != null && TableView.state(cell) == TableView.State.TEXT) {
                    sink.finding(label(key), cell.raw(), "不是数字").cells(key).evidence(cell.source()).raise();
                }
                continue;
            }
            BigDecimal v = cell.value();
            if (v.signum() < 0) {
                sink.finding(label(key), v, "为负数").cells(key).actual(v).evidence(cell.source()).raise();
            } else if (v.stripTrailingZeros().scale() > 4) {
                sink.finding(label(key), v, "超过4位小数").severity(Severity.WARNING).cells(key).actual(v)
                        .evidence(cell.source()).raise();
            }
        }
    }

    private static void blanks(RuleInput in, FindingSink sink) {
        for (String table : List.of("t2", "t3", "t4")) {
            List<String> blank = new ArrayList<>();
            List<String> notApplicable = new ArrayList<>();
            String prefix = table + ".";
            String evidence = null;
            for (Map.Entry<String, Cell> e : in.tables().cells().entrySet()) {
                if (!e.getKey().startsWith(prefix)) {
                    continue;
                }
                TableView.State state = TableView.state(e.getValue());
                if (state == TableView.State.BLANK) {
                    blank.add(e.getKey());
                    evidence = evidence == null ? e.getValue().source() : evidence;
                } else if (state == TableView.State.NOT_APPLICABLE) {
                    notApplicable.add(e.getKey());
                }
            }
            String name = table.equals("t2") ? "表二" : table.equals("t3") ? "表三" : "表四";
            int section = table.charAt(1) - '0';
            if (!blank.isEmpty()) {
                sink.finding(name, blank.size(), "空白（未按0计算）", String.join("、", blank.subList(0,
                        Math.min(5, blank.size()))) + (blank.size() > 5 ? "…" : ""), table.toUpperCase(),
                        "left blank (not read as 0)").cells(blank).section(section).evidence(evidence).raise();
            }
            List<RowsWithBlanks.Row> rowsWithBlanks = RowsWithBlanks.of(in, table);
            if (!rowsWithBlanks.isEmpty()) {
                int cells = rowsWithBlanks.stream().mapToInt(RowsWithBlanks.Row::blankCells).sum();
                List<String> rows = rowsWithBlanks.stream().map(RowsWithBlanks.Row::key).toList();
                sink.finding(name, cells, "空白（所在列无法确定，整行未计入）", String.join("、", rows), table.toUpperCase(),
                        "left blank in rows whose columns cannot be told apart (rows not read)").section(section)
                        .evidence(rowsWithBlanks.get(0).message()).raise();
            }
            if (!notApplicable.isEmpty()) {
                sink.finding(name, notApplicable.size(), "填写“/”等不适用符号（按0计算）",
                        String.join("、", notApplicable.subList(0, Math.min(5, notApplicable.size())))
                                + (notApplicable.size() > 5 ? "…" : ""),
                        table.toUpperCase(),
                        "marked not applicable (\"/\", read as 0)")
                        .severity(Severity.INFO).cells(notApplicable).section(section).raise();
            }
        }
    }

    private static void units(RuleInput in, FindingSink sink) {
        for (String key : List.of("t2.fees.amount_10k_yuan", "t2.procurement.amount_10k_yuan")) {
            Cell cell = in.tables().cell(key);
            if (cell == null) {
                continue;
            }
            String raw = cell.raw() == null ? "" : cell.raw();
            boolean yuanSuffix = raw.contains("元") && !raw.contains("万元");
            boolean large = cell.value() != null && cell.value().compareTo(BigDecimal.valueOf(100_000)) >= 0;
            if (yuanSuffix || large) {
                sink.finding(label(key), raw.isEmpty() ? cell.value() : raw).cells(key).actual(cell.value())
                        .evidence(cell.source()).raise();
            }
        }
    }

    private static void signedChange(RuleInput in, FindingSink sink) {
        for (Map.Entry<String, Cell> e : in.tables().cells().entrySet()) {
            if (!isSigned(e.getKey()) || e.getValue().raw() == null || e.getValue().value() == null) {
                continue;
            }
            String raw = e.getValue().raw().strip();
            if (raw.startsWith("+") || raw.startsWith("增") || raw.startsWith("减") || raw.startsWith("減")) {
                sink.finding(label(e.getKey()), raw, e.getValue().value().toPlainString()).cells(e.getKey())
                        .actual(e.getValue().value()).evidence(e.getValue().source()).raise();
            }
        }
    }

    private static void artefacts(RuleInput in, FindingSink sink) {
        if (in.report().parseWarnings() == null) {
            return;
        }
        for (ParseWarning w : in.report().parseWarnings()) {
            String code = w.code() == null ? "" : w.code();
            Severity severity;
            if (code.equals("EXTRA_TRAILING_ZERO") || code.equals("EXTRA_ZERO")) {
                severity = Severity.INFO;
            } else if (code.equals("EXTRA_NONZERO_VALUES") || code.equals("EXTRA_NUMBERS")
                    || code.equals("EXTRA_NONZERO")) {
                severity = Severity.ERROR;
            } else {
                continue;
            }
            String subject = w.subject() == null ? "" : w.subject();
            Integer section = subject.startsWith("t2")
                    ? Integer.valueOf(2)
                    : subject.startsWith("t3")
                            ? 3
                            : subject.startsWith("t4") ? 4 : null;
            sink.finding(subject, w.message()).severity(severity).cells(subject.startsWith("t")
                    ? List.of(subject)
                    : List.of()).section(section).evidence(w.message()).raise();
        }
    }
}

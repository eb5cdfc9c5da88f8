package io.annualreport.rules.catalogue;

import static io.annualreport.rules.catalogue.Specs.BOTH;
import static io.annualreport.rules.catalogue.Specs.E;
import static io.annualreport.rules.catalogue.Specs.W;
import static io.annualreport.rules.catalogue.Specs.spec;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import io.annualreport.model.report.Fact;
import io.annualreport.model.template.TemplateRegistry;
import io.annualreport.rules.catalogue.NarrativeNumbers.Stated;
import io.annualreport.rules.engine.FindingSink;
import io.annualreport.rules.engine.Part;
import io.annualreport.rules.engine.RegisteredRule;
import io.annualreport.rules.engine.RuleInput;
import io.annualreport.rules.engine.RuleSpec;
import io.annualreport.rules.engine.TableView;

/** Narrative ↔ T3 cross-checks (docs/format.md §3.5, X-01…X-07): what parts 一 and 三 say about applications. */
public final class ApplicationNarrativeRules {

    private static final String FACTS_NOTE = "Reads parser fact %s: its document facts, else its sentence facts (%s in parts 一 and 三).";

    static final RuleSpec X_01 = spec("X-01", E, BOTH, Part.T3, "Text says no applications were received",
            "\"未收到…政府信息公开申请\" / \"收到…申请0件\" / \"依申请公开…零报告\" ⇒ R1.TOT = 0"
                    + " (and \"无上年结转\" ⇒ R2.TOT = 0)",
            "正文称未收到政府信息公开申请，但表三{0}为{1}", "The text says no applications were received but T3 {0} is {1}",
            String.format(FACTS_NOTE, "no_applications_received (or applications_received = 0)",
                    "未收到…申请 / 收到…申请0件 / 零报告"));
    static final RuleSpec X_02 = spec("X-02", W, BOTH, Part.T3, "Received count stated in the text",
            "\"收到/新收/受理…申请 N 件\" ⇒ R1.TOT = N, or (受理/共) R1.TOT + R2.TOT = N",
            "正文称收到政府信息公开申请{0}件，但表三一、本年新收总计为{1}（含上年结转为{2}）",
            "The text says {0} applications were received but T3 一 total is {1} ({2} with carry-over)",
            String.format(FACTS_NOTE, "applications_received", "收到/新收/受理…申请N件")
                    + " Always WARNING: 受理 and the scope of the sentence are ambiguous (hzq2024: 区政府办 17 vs 95).");
    static final RuleSpec X_03 = spec("X-03", E, BOTH, Part.T3, "Carried-over count stated in the text",
            "\"上年结转 N 件\" ⇒ R2.TOT = N", "正文称上年结转{0}件，但表三二、上年结转总计为{1}",
            "The text says {0} applications were carried over but T3 二 total is {1}",
            String.format(FACTS_NOTE, "applications_carried_over", "上年(度)结转…N件"));
    static final RuleSpec X_04 = spec("X-04", W, BOTH, Part.T3, "Handled count stated in the text",
            "\"办结/答复 N 件\" ⇒ R3_7.TOT = N", "正文称办结（答复）{0}件，但表三（七）总计为{1}",
            "The text says {0} applications were answered but T3 (七) total is {1}",
            String.format(FACTS_NOTE, "applications_handled", "办结/答复…N件"));
    static final RuleSpec X_05 = spec("X-05", E, BOTH, Part.T3, "Carried-forward count stated in the text",
            "\"结转下年度/顺延至下一年 N 件\" ⇒ R4.TOT = N", "正文称结转下年度{0}件，但表三四、结转下年度总计为{1}",
            "The text says {0} applications were carried forward but T3 四 total is {1}",
            String.format(FACTS_NOTE, "applications_carried_forward", "结转/顺延至下年度…N件 and N件…顺延到下年度"));
    static final RuleSpec X_06 = spec("X-06", W, BOTH, Part.T3, "Handling results stated in the text",
            "\"予以公开/部分公开/不予公开/无法提供/不予处理/其他处理 N 件\" ⇒ R3_1, R3_2, ΣR3_3_*, ΣR3_4_*, ΣR3_5_*,"
                    + " ΣR3_6_*; \"予以公开及部分公开 N\" ⇒ R3_1 + R3_2",
            "正文称{0}{1}件，但表三对应合计为{2}", "The text says {0} {1} but T3 has {2}",
            String.format(FACTS_NOTE, "disclosed, partially_disclosed, withheld, unavailable, not_processed,"
                    + " other_handling", "<category>N件"));
    static final RuleSpec X_07 = spec("X-07", W, BOTH, Part.T3, "Percentages in the text",
            "\"共…T件 … N件，占P%\" ⇒ |N / T × 100 − P| ≤ 0.5", "正文称{0}件占{1}%，按总数{2}件计算应为{3}%",
            "The text says {0} is {1}% but of {2} it is {3}%",
            "Reads the parser's sentence facts percentage: a total 共/总计…T件 and N件…占P% in the same sentence of parts"
                    + " 一 and 三.");

    private static final String[][] CATEGORIES = {
            {"予以公开", "disclosed", "disclosed"},
            {"部分公开", "partially_disclosed", "partially_disclosed"},
            {"不予公开", "withheld", "withheld_"},
            {"无法提供", "unavailable", "unavailable_"},
            {"不予处理", "not_processed", "not_processed_"},
            {"其他处理", "other_handling", "other_"}};

    private ApplicationNarrativeRules() {
    }

    /** X-01…X-07 in catalogue order. */
    public static List<RegisteredRule> rules() {
        return List.of(
                new RegisteredRule(X_01, ApplicationNarrativeRules::noneReceived),
                new RegisteredRule(X_02, ApplicationNarrativeRules::received),
                new RegisteredRule(X_03, (in, sink) -> compare(in, sink, "applications_carried_over", "carried_over")),
                new RegisteredRule(X_04, (in, sink) -> compare(in, sink, "applications_handled", "total_handled")),
                new RegisteredRule(X_05, ApplicationNarrativeRules::carriedForward),
                new RegisteredRule(X_06, ApplicationNarrativeRules::categories),
                new RegisteredRule(X_07, ApplicationNarrativeRules::percentages));
    }

    private static String total(String row) {
        return TableView.t3Key(row, 6);
    }

    private static void noneReceived(RuleInput in, FindingSink sink) {
        String evidence = null;
        var fact = in.text().facts("no_applications_received");
        if (!fact.isEmpty()) {
            evidence = fact.get(0).evidence();
        } else {
            for (var f : in.text().facts("applications_received")) {
                if (f.value().signum() == 0) {
                    evidence = f.evidence();
                }
            }
        }
        if (evidence == null) {
            var sentence = in.text().sentenceFacts("no_applications_received");
            evidence = sentence.isEmpty() ? null : sentence.get(0).evidence();
        }
        if (evidence == null) {
            return;
        }
        BigDecimal r1 = in.tables().number(total("new_received"));
        if (r1 == null) {
            sink.notAssessable();
            return;
        }
        if (r1.signum() != 0) {
            sink.finding(TemplateRegistry.t3Rows(in.edition()).get(0).label() + "总计", r1)
                    .cells(total("new_received")).expected(BigDecimal.ZERO).actual(r1).evidence(evidence).raise();
        }
        if (saysNoCarryOver(evidence)) {
            BigDecimal r2 = in.tables().number(total("carried_over"));
            if (r2 != null && r2.signum() != 0) {
                sink.finding(TemplateRegistry.t3Rows(in.edition()).get(1).label() + "总计", r2)
                        .cells(total("carried_over")).expected(BigDecimal.ZERO).actual(r2).evidence(evidence).raise();
            }
        }
    }

    private static void received(RuleInput in, FindingSink sink) {
        List<Stated> stated = NarrativeNumbers.all(in, "applications_received");
        if (stated.isEmpty()) {
            return;
        }
        Stated s = stated.get(0);
        if (s.value().signum() == 0) {
            return;
        }
        BigDecimal r1 = in.tables().number(total("new_received"));
        BigDecimal r2 = in.tables().number(total("carried_over"));
        if (r1 == null) {
            sink.notAssessable();
            return;
        }
        boolean inclusive = s.phrase().contains("受理") || s.phrase().contains("共") || s.phrase().contains("合计");
        BigDecimal withCarry = r2 == null ? null : r1.add(r2);
        if (r1.compareTo(s.value()) == 0 || inclusive && withCarry != null && withCarry.compareTo(s.value()) == 0) {
            return;
        }
        sink.finding(s.value(), r1, withCarry == null ? "?" : withCarry).cells(total("new_received"),
                total("carried_over")).expected(r1).actual(s.value()).evidence(s.evidence()).raise();
    }

    /** "无上年结转" / "没有上年度结转" in the statement that no application was received. */
    private static boolean saysNoCarryOver(String evidence) {
        for (String none : new String[]{"无上年结转", "无上年度结转", "没有上年结转", "没有上年度结转"}) {
            if (evidence.contains(none)) {
                return true;
            }
        }
        return false;
    }

    private static void compare(RuleInput in, FindingSink sink, String fact, String row) {
        Stated s = NarrativeNumbers.first(in, fact);
        if (s == null) {
            return;
        }
        BigDecimal table = in.tables().number(total(row));
        if (table == null) {
            sink.notAssessable();
            return;
        }
        if (table.compareTo(s.value()) != 0) {
            sink.finding(s.value(), table).cells(total(row)).expected(table).actual(s.value()).evidence(s.evidence())
                    .raise();
        }
    }

    private static void carriedForward(RuleInput in, FindingSink sink) {
        Stated s = NarrativeNumbers.first(in, "applications_carried_forward");
        if (s == null) {
            return;
        }
        BigDecimal table = in.tables().number(total("carried_forward"));
        if (table == null) {
            sink.notAssessable();
            return;
        }
        if (table.compareTo(s.value()) != 0) {
            sink.finding(s.value(), table).cells(total("carried_forward")).expected(table).actual(s.value())
                    .evidence(s.evidence()).raise();
        }
    }

    private static void categories(RuleInput in, FindingSink sink) {
        List<String> detail = in.tables().t3DetailRows();
        for (String[] category : CATEGORIES) {
            Stated s = NarrativeNumbers.first(in, category[1]);
            if (s == null) {
                continue;
            }
            List<String> keys = new ArrayList<>();
            for (String row : detail) {
                if (category[2].endsWith("_") ? row.startsWith(category[2]) : row.equals(category[2])) {
                    keys.add(total(row));
                }
            }
            check(in, sink, category[0], s, keys);
        }
        var combined = in.text().sentenceFacts("disclosed_and_partially_disclosed");
        if (!combined.isEmpty()) {
            check(in, sink, "予以公开及部分公开", Stated.of(combined.get(0)),
                    List.of(total("disclosed"), total("partially_disclosed")));
        }
    }

    private static void check(RuleInput in, FindingSink sink, String label, Stated s, List<String> keys) {
        BigDecimal table = in.tables().sum(keys);
        if (table == null) {
            sink.notAssessable();
            return;
        }
        if (table.compareTo(s.value()) != 0) {
            sink.finding(label, s.value(), table).cells(keys)
                    .section(s.fromFact() || s.section() == 0 ? 3 : s.section())
                    .expected(table).actual(s.value()).evidence(s.evidence()).raise();
        }
    }

    private static void percentages(RuleInput in, FindingSink sink) {
        for (Fact f : in.text().sentenceFacts("percentage")) {
            BigDecimal part = part(f, "part");
            BigDecimal totalValue = part(f, "total");
            if (part == null || totalValue == null || totalValue.signum() == 0) {
                continue;
            }
            BigDecimal stated = f.value();
            BigDecimal computed = part.multiply(BigDecimal.valueOf(100)).divide(totalValue, 2, RoundingMode.HALF_UP);
            if (computed.subtract(stated).abs().compareTo(new BigDecimal("0.5")) > 0) {
                sink.finding(part, stated, totalValue, computed).section(f.section()).expected(computed)
                        .actual(stated).evidence(f.evidence()).raise();
            }
        }
    }

    /** The qualifier of a sentence fact with this label, or null. */
    static BigDecimal part(Fact f, String label) {
        if (f.parts() != null) {
            for (Fact.FactPart p : f.parts()) {
                if (label.equals(p.label())) {
                    return p.value();
                }
            }
        }
        return null;
    }
}

package io.annualreport.rules.catalogue;

import static io.annualreport.rules.catalogue.Specs.BOTH;
import static io.annualreport.rules.catalogue.Specs.I;
import static io.annualreport.rules.catalogue.Specs.NEW;
import static io.annualreport.rules.catalogue.Specs.OLD;
import static io.annualreport.rules.catalogue.Specs.W;
import static io.annualreport.rules.catalogue.Specs.spec;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.annualreport.model.template.Edition;
import io.annualreport.rules.engine.FindingSink;
import io.annualreport.rules.engine.Part;
import io.annualreport.rules.engine.RegisteredRule;
import io.annualreport.rules.engine.RuleInput;
import io.annualreport.rules.engine.RuleSpec;

/** Table T2 plausibility (docs/format.md §3.4, T2-01…T2-04). */
public final class T2Rules {

    static final RuleSpec T2_01 = spec("T2-01", W, BOTH, Part.T2, "规章 only for rule-making bodies",
            "county-level or township body, or a local government department ⇒ 规章 row = 0",
            "{0}不具有规章制定权，但表二规章行有{1}", "{0} cannot make 规章 but the T2 规章 row has {1}",
            "The agency kind is read from the agency name: 区/县/镇/乡人民政府, 街道办事处, or a department of a local"
                    + " government; 省/自治区/市人民政府 and State Council bodies are never flagged.");
    static final RuleSpec T2_02 = spec("T2-02", W, OLD, Part.T2, "Old (一) ordering",
            "本年新公开数量 ≤ 本年新制作数量 and 对外公开总数量 ≥ 本年新公开数量", "表二{0}：{1}", "T2 {0}: {1}");
    static final RuleSpec T2_03 = spec("T2-03", I, NEW, Part.T2, "New (一) plausibility",
            "现行有效件数 = 0 while 本年制发件数 > 本年废止件数 ⇒ suspicious",
            "表二{0}本年制发{1}件、废止{2}件，但现行有效件数为0", "T2 {0}: {1} issued and {2} repealed but 0 in force");
    static final RuleSpec T2_04 = spec("T2-04", W, OLD, Part.T2, "Old (五)(六) changes",
            "上一年项目数量 ≥ 0; |本年增/减| ≤ 上一年项目数量 when negative", "表二{0}：本年减少{1}，超过上一年项目数量{2}",
            "T2 {0}: a decrease of {1} exceeds last year's {2} items");

    private static final Pattern LOCAL_BODY = Pattern.compile("(区|县|旗|镇|乡)人民政府$|街道办事处$|街道$|管委会$");
    private static final Pattern RULE_MAKING_GOVERNMENT = Pattern.compile("(省|自治区|市)人民政府$");
    private static final Pattern LOCAL_PLACE = Pattern.compile("[省市县区镇乡州旗盟]|街道");

    private T2Rules() {
    }

    /** T2-01…T2-04 in catalogue order. */
    public static List<RegisteredRule> rules() {
        return List.of(
                new RegisteredRule(T2_01, T2Rules::regulations),
                new RegisteredRule(T2_02, T2Rules::oldOrdering),
                new RegisteredRule(T2_03, T2Rules::inForce),
                new RegisteredRule(T2_04, T2Rules::changes));
    }

    /** Whether the agency name shows a body without 规章 power; null when it cannot be told. */
    static Boolean withoutRulePower(String agency) {
        if (agency == null || agency.isBlank()) {
            return null;
        }
        String a = agency.strip();
        if (a.startsWith("国家") || a.startsWith("国务院") || a.startsWith("中国") || a.startsWith("中华人民共和国")) {
            return null;
        }
        if (LOCAL_BODY.matcher(a).find()) {
            return true;
        }
        if (RULE_MAKING_GOVERNMENT.matcher(a).find()) {
            return false;
        }
        return LOCAL_PLACE.matcher(a).find() ? Boolean.TRUE : null;
    }

    private static void regulations(RuleInput in, FindingSink sink) {
        String agency = in.report().identity() == null ? null : in.report().identity().agency();
        Boolean without = withoutRulePower(agency);
        if (without == null) {
            sink.notAssessable();
            return;
        }
        if (!without) {
            return;
        }
        List<String> keys = new ArrayList<>();
        BigDecimal max = BigDecimal.ZERO;
        String columnPrefix = "t2.regulations.";
        for (var e : in.tables().cells().entrySet()) {
            if (e.getKey().startsWith(columnPrefix) && in.tables().number(e.getKey()) != null
                    && in.tables().number(e.getKey()).signum() > 0) {
                keys.add(e.getKey());
                max = max.max(in.tables().number(e.getKey()));
            }
        }
        if (!keys.isEmpty()) {
            sink.finding(agency, max).cells(keys).actual(max).expected(BigDecimal.ZERO)
                    .evidence(in.tables().source(keys.get(0))).raise();
        }
    }

    private static void oldOrdering(RuleInput in, FindingSink sink) {
        for (String row : List.of("regulations", "normative_documents")) {
            BigDecimal made = in.tables().number("t2." + row + ".newly_made");
            BigDecimal published = in.tables().number("t2." + row + ".newly_published");
            BigDecimal total = in.tables().number("t2." + row + ".total_published");
            String label = row.equals("regulations") ? "规章" : "规范性文件";
            if (made != null && published != null && published.compareTo(made) > 0) {
                sink.finding(label, "本年新公开数量" + published.toPlainString() + "大于本年新制作数量" + made.toPlainString())
                        .cells("t2." + row + ".newly_published", "t2." + row + ".newly_made").expected(made)
                        .actual(published).evidence(in.tables().source("t2." + row + ".newly_made")).raise();
            }
            if (published != null && total != null && total.compareTo(published) < 0) {
                sink.finding(label, "对外公开总数量" + total.toPlainString() + "小于本年新公开数量" + published.toPlainString())
                        .cells("t2." + row + ".total_published", "t2." + row + ".newly_published").expected(published)
                        .actual(total).evidence(in.tables().source("t2." + row + ".total_published")).raise();
            }
        }
    }

    private static void inForce(RuleInput in, FindingSink sink) {
        if (in.edition() != Edition.E2021) {
            return;
        }
        for (String row : List.of("regulations", "normative_documents")) {
            BigDecimal issued = in.tables().number("t2." + row + ".issued");
            BigDecimal repealed = in.tables().number("t2." + row + ".repealed");
            BigDecimal inForce = in.tables().number("t2." + row + ".in_force");
            if (issued == null || repealed == null || inForce == null) {
                continue;
            }
            if (inForce.signum() == 0 && issued.compareTo(repealed) > 0) {
                sink.finding(row.equals("regulations") ? "规章" : "行政规范性文件", issued, repealed)
                        .cells("t2." + row + ".issued", "t2." + row + ".repealed", "t2." + row + ".in_force")
                        .actual(inForce).evidence(in.tables().source("t2." + row + ".in_force")).raise();
            }
        }
    }

    private static void changes(RuleInput in, FindingSink sink) {
        for (String row : List.of("licensing", "other_services", "penalty", "coercion", "fees")) {
            BigDecimal previous = in.tables().number("t2." + row + ".previous_year_items");
            BigDecimal change = in.tables().number("t2." + row + ".change");
            if (previous == null || change == null) {
                continue;
            }
            if (change.signum() < 0 && change.negate().compareTo(previous) > 0) {
                sink.finding(row, change.negate(), previous)
                        .cells("t2." + row + ".change", "t2." + row + ".previous_year_items").expected(previous)
                        .actual(change).evidence(in.tables().source("t2." + row + ".change")).raise();
            }
        }
    }
}

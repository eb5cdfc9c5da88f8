package io.annualreport.rules.catalogue;

import static io.annualreport.rules.catalogue.Specs.BOTH;
import static io.annualreport.rules.catalogue.Specs.I;
import static io.annualreport.rules.catalogue.Specs.NEW;
import static io.annualreport.rules.catalogue.Specs.W;
import static io.annualreport.rules.catalogue.Specs.spec;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.annualreport.model.report.Fact;
import io.annualreport.model.template.TemplateRegistry;
import io.annualreport.rules.engine.FindingSink;
import io.annualreport.rules.engine.Part;
import io.annualreport.rules.engine.RegisteredRule;
import io.annualreport.rules.engine.RuleInput;
import io.annualreport.rules.engine.RuleSpec;

/** Narrative checks X-11…X-13: fee notices against T3, the years the text talks about, internal enumerations. */
public final class OtherNarrativeRules {

    static final RuleSpec X_11 = spec("X-11", I, NEW, Part.OTHER, "Fee notices against fee-unpaid closures",
            "section 六 states 收费通知 N ⇒ R3_6_2.TOT ≤ N (no hard link; the converse is T3-07)",
            "第六部分称发出收费通知{0}件，但表三（六）2.逾期未缴费不再处理{1}件",
            "Part 六 reports {0} fee notices but T3 三(六)2 (fee unpaid) is {1}",
            "Reads fact fee_notices: the document fact, else the sentence fact (收费通知…N件 in part 六).");
    static final RuleSpec X_12 = spec("X-12", W, BOTH, Part.OVERVIEW, "Years mentioned in the body",
            "dominant \"YYYY年\" in sections 一/五 = Y (Y+1 allowed in 五)", "第{0}部分正文最常提及的年份为{1}年，与报告年度{2}年不符",
            "Part {0} mostly talks about {1}, not the report year {2}",
            "Own matching only: counts YYYY年 in parts 一 and 五.");
    static final RuleSpec X_13 = spec("X-13", W, BOTH, Part.OVERVIEW, "Internal narrative enumerations",
            "\"共N条，其中a条、b条…\" ⇒ Σ parts ≤ N (a partial list is common, so only parts exceeding the total are"
                    + " flagged)",
            "正文列举的分项之和为{0}，与所述总数{1}不符：{2}",
            "The listed parts sum to {0}, not the stated total {1}: {2}",
            "Reads document facts with parts (Fact.parts), else the sentence facts enumeration (\"N条/件/个/项，其中 a…,"
                    + " b…\" in parts 一 to 六; parenthesised sub-counts and approximate numbers are ignored).");

    private OtherNarrativeRules() {
    }

    /** X-11…X-13 in catalogue order. */
    public static List<RegisteredRule> rules() {
        return List.of(
                new RegisteredRule(X_11, OtherNarrativeRules::feeNotices),
                new RegisteredRule(X_12, OtherNarrativeRules::years),
                new RegisteredRule(X_13, OtherNarrativeRules::enumerations));
    }

    private static void feeNotices(RuleInput in, FindingSink sink) {
        BigDecimal notices = NarrativeNumbers.feeNotices(in);
        if (notices == null) {
            return;
        }
        String key = TemplateRegistry.t3("other_fee_unpaid", "total");
        BigDecimal unpaid = in.tables().number(key);
        if (unpaid == null) {
            sink.notAssessable();
            return;
        }
        if (unpaid.compareTo(notices) > 0) {
            sink.finding(notices, unpaid).cells(key).expected(notices).actual(unpaid)
                    .evidence(NarrativeNumbers.feeSentence(in)).raise();
        }
    }

    private static void years(RuleInput in, FindingSink sink) {
        Integer year = in.year();
        if (year == null) {
            sink.notAssessable();
            return;
        }
        for (int section : new int[]{1, 5}) {
            Map<Integer, Integer> counts = new HashMap<>();
            String text = in.text().narrative(section);
            for (int at = text.indexOf('年'); at >= 0; at = text.indexOf('年', at + 1)) {
                if (at < 4 || text.charAt(at - 4) != '2' || text.charAt(at - 3) != '0'
                        || !Character.isDigit(text.charAt(at - 2)) || !Character.isDigit(text.charAt(at - 1))
                        || at >= 5 && Character.isDigit(text.charAt(at - 5))) {
                    continue;
                }
                int y = Integer.parseInt(text.substring(at - 4, at));
                if (section == 5 && y == year + 1) {
                    continue;
                }
                counts.merge(y, 1, Integer::sum);
            }
            int own = counts.getOrDefault(year, 0);
            int best = 0;
            int bestYear = 0;
            for (var e : counts.entrySet()) {
                if (e.getValue() > best) {
                    best = e.getValue();
                    bestYear = e.getKey();
                }
            }
            if (best >= 2 && own < best) {
                sink.finding(section == 1 ? "一" : "五", bestYear, year).section(section)
                        .expected(BigDecimal.valueOf(year)).actual(BigDecimal.valueOf(bestYear)).raise();
            }
        }
    }

    private static void enumerations(RuleInput in, FindingSink sink) {
        List<Fact> enumerations = new ArrayList<>();
        if (in.report().facts() != null) {
            for (Fact f : in.report().facts()) {
                if (!f.sentenceFact() && f.parts() != null && f.parts().size() >= 2 && f.value() != null) {
                    enumerations.add(f);
                }
            }
        }
        if (enumerations.isEmpty()) {
            enumerations = in.text().sentenceFacts("enumeration");
        }
        for (Fact f : enumerations) {
            if (f.parts() == null || f.parts().size() < 2) {
                continue;
            }
            BigDecimal sum = BigDecimal.ZERO;
            List<String> listed = new ArrayList<>();
            for (Fact.FactPart p : f.parts()) {
                if (p.value() == null) {
                    sum = null;
                    break;
                }
                sum = sum.add(p.value());
                listed.add(p.value().toPlainString());
            }
            if (sum != null && sum.compareTo(f.value()) > 0) {
                sink.finding(sum, f.value(), f.value().toPlainString() + " ≠ " + String.join("+", listed))
                        .section(f.section()).expected(f.value()).actual(sum).evidence(f.evidence()).raise();
            }
        }
    }
}

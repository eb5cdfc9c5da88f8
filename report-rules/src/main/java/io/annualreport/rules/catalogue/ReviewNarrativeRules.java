package io.annualreport.rules.catalogue;

import static io.annualreport.rules.catalogue.Specs.BOTH;
import static io.annualreport.rules.catalogue.Specs.E;
import static io.annualreport.rules.catalogue.Specs.W;
import static io.annualreport.rules.catalogue.Specs.spec;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.annualreport.model.report.Fact;
import io.annualreport.model.template.ColumnDef;
import io.annualreport.model.template.TemplateRegistry;
import io.annualreport.rules.catalogue.NarrativeNumbers.Stated;
import io.annualreport.rules.engine.FindingSink;
import io.annualreport.rules.engine.Part;
import io.annualreport.rules.engine.RegisteredRule;
import io.annualreport.rules.engine.RuleInput;
import io.annualreport.rules.engine.RuleSpec;

/** Narrative ↔ T4 cross-checks (docs/format.md §3.5, X-08…X-10): what the text says about 行政复议 and 行政诉讼. */
public final class ReviewNarrativeRules {

    static final RuleSpec X_08 = spec("X-08", E, BOTH, Part.T4, "Text says there was no review or litigation",
            "\"未发生/没有/无…行政复议、行政诉讼\" ⇒ all T4 cells of the mentioned kinds = 0",
            "正文称未发生{0}，但表四有{1}个单元格不为0", "The text says there was no {0} but {1} T4 cells are not 0",
            "Reads the parser's sentence fact no_review_or_litigation (parts 一 and 四): a negation within 20 characters"
                    + " before 行政复议/行政诉讼, no digits; clauses about 纠错/败诉/撤销 are skipped.");
    static final RuleSpec X_09 = spec("X-09", W, BOTH, Part.T4, "Review and litigation counts stated in the text",
            "\"行政复议 N 件\" ⇒ RV.TOT = N; \"行政诉讼 N 件\" ⇒ LD.TOT + LR.TOT = N",
            "正文称{0}{1}件，但表四合计为{2}", "The text says {1} {0} cases but T4 has {2}",
            "Reads facts review_cases and litigation_cases: the document facts, else the sentence facts (行政复议…N件 /"
                    + " 行政诉讼…N件 in parts 一 and 四).");
    static final RuleSpec X_10 = spec("X-10", W, BOTH, Part.T4, "\"均获维持\" means nothing else",
            "\"均获维持\" ⇒ all non-UPH outcome cells of the mentioned group = 0",
            "正文称{0}均获维持，但表四有其他结果或未审结（{1}个单元格不为0）",
            "The text says every {0} case was upheld but {1} other outcome cells in T4 are not 0",
            "Reads fact all_upheld: the document fact (all groups), else the sentence fact (均获维持/均维持/全部维持 in parts"
                    + " 一 and 四, with the kinds of case its clause names).");

    private ReviewNarrativeRules() {
    }

    /** X-08…X-10 in catalogue order. */
    public static List<RegisteredRule> rules() {
        return List.of(
                new RegisteredRule(X_08, ReviewNarrativeRules::noneHappened),
                new RegisteredRule(X_09, ReviewNarrativeRules::counts),
                new RegisteredRule(X_10, ReviewNarrativeRules::allUpheld));
    }

    private static final List<String> REVIEW_ALL = keysOf("review", true, true);
    private static final List<String> LITIGATION_ALL = keysOf("litigation", true, true);
    private static final List<String> REVIEW_NOT_UPHELD = keysOf("review", false, false);
    private static final List<String> LITIGATION_NOT_UPHELD = keysOf("litigation", false, false);

    private static List<String> groupKeys(String group, boolean includeUpheld, boolean includeTotal) {
        boolean review = group.equals("review");
        return includeUpheld
                ? (review ? REVIEW_ALL : LITIGATION_ALL)
                : (review ? REVIEW_NOT_UPHELD : LITIGATION_NOT_UPHELD);
    }

    /** The T4 keys of a group: {@code review} or {@code litigation} (both litigation groups). */
    private static List<String> keysOf(String group, boolean includeUpheld, boolean includeTotal) {
        List<String> keys = new ArrayList<>();
        for (ColumnDef c : TemplateRegistry.t4Columns()) {
            if (!c.key().startsWith(group + "_")) {
                continue;
            }
            boolean upheld = c.key().endsWith("_upheld");
            boolean total = c.key().endsWith("_total");
            if ((upheld && !includeUpheld) || (total && !includeTotal)) {
                continue;
            }
            keys.add(TemplateRegistry.t4(c.key()));
        }
        return List.copyOf(keys);
    }

    private static void noneHappened(RuleInput in, FindingSink sink) {
        var statements = in.text().sentenceFacts("no_review_or_litigation");
        if (statements.isEmpty()) {
            return;
        }
        Fact none = statements.get(0);
        boolean review = flag(none, "review");
        boolean litigation = flag(none, "litigation");
        List<String> keys = new ArrayList<>();
        if (review) {
            keys.addAll(groupKeys("review", true, true));
        }
        if (litigation) {
            keys.addAll(groupKeys("litigation", true, true));
        }
        if (!in.tables().hasTable("t4")) {
            sink.notAssessable();
            return;
        }
        List<String> nonZero = nonZeroCells(in, keys);
        if (!nonZero.isEmpty()) {
            sink.finding(kinds(review, litigation), nonZero.size()).cells(nonZero).section(none.section())
                    .expected(BigDecimal.ZERO).evidence(none.evidence()).raise();
        }
    }

    /** A yes/no qualifier of a sentence fact. */
    private static boolean flag(Fact f, String label) {
        BigDecimal value = ApplicationNarrativeRules.part(f, label);
        return value != null && value.signum() != 0;
    }

    private static void counts(RuleInput in, FindingSink sink) {
        Stated review = NarrativeNumbers.first(in, "review_cases");
        if (review != null) {
            compare(in, sink, "行政复议", review, List.of(TemplateRegistry.t4("review_total")));
        }
        Stated litigation = NarrativeNumbers.first(in, "litigation_cases");
        if (litigation != null) {
            compare(in, sink, "行政诉讼", litigation, List.of(TemplateRegistry.t4("litigation_direct_total"),
                    TemplateRegistry.t4("litigation_after_review_total")));
        }
    }

    private static void compare(RuleInput in, FindingSink sink, String kind, Stated s, List<String> keys) {
        BigDecimal table = in.tables().sum(keys);
        if (table == null) {
            sink.notAssessable();
            return;
        }
        if (table.compareTo(s.value()) != 0) {
            sink.finding(kind, s.value(), table).cells(keys).expected(table).actual(s.value()).evidence(s.evidence())
                    .raise();
        }
    }

    private static void allUpheld(RuleInput in, FindingSink sink) {
        String evidence = null;
        boolean review = true;
        boolean litigation = true;
        var facts = in.text().facts("all_upheld");
        if (!facts.isEmpty()) {
            evidence = facts.get(0).evidence();
        } else {
            var sentences = in.text().sentenceFacts("all_upheld");
            if (!sentences.isEmpty()) {
                evidence = sentences.get(0).evidence();
                review = flag(sentences.get(0), "review");
                litigation = flag(sentences.get(0), "litigation");
            }
        }
        if (evidence == null) {
            return;
        }
        if (!in.tables().hasTable("t4")) {
            sink.notAssessable();
            return;
        }
        List<String> keys = new ArrayList<>();
        if (review) {
            keys.addAll(groupKeys("review", false, false));
        }
        if (litigation) {
            keys.addAll(groupKeys("litigation", false, false));
        }
        List<String> nonZero = nonZeroCells(in, keys);
        if (!nonZero.isEmpty()) {
            sink.finding(kinds(review, litigation), nonZero.size()).cells(nonZero).expected(BigDecimal.ZERO)
                    .evidence(evidence).raise();
        }
    }

    /** The cells among {@code keys} whose printed number is not zero (blank cells are not counted). */
    private static List<String> nonZeroCells(RuleInput in, List<String> keys) {
        List<String> nonZero = new ArrayList<>();
        for (String k : keys) {
            BigDecimal v = in.tables().number(k);
            if (v != null && v.signum() != 0) {
                nonZero.add(k);
            }
        }
        return nonZero;
    }

    /** The kinds of case a statement is about, as the finding names them. */
    private static String kinds(boolean review, boolean litigation) {
        return review && litigation ? "行政复议、行政诉讼" : review ? "行政复议" : "行政诉讼";
    }
}

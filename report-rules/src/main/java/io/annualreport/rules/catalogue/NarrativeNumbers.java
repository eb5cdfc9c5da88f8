package io.annualreport.rules.catalogue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.annualreport.model.report.Fact;
import io.annualreport.rules.engine.RuleInput;

/**
 * Numbers stated in the narrative, as the parser's facts carry them: its document facts of a name first, else its
 * sentence facts (see {@link Fact}). The rules read no number from the text themselves.
 */
public final class NarrativeNumbers {

    /**
     * A number stated in the text, with the sentence it was read from.
     *
     * @param section the part of a sentence fact; 0 for a document fact
     * @param phrase the words the number was read from (the evidence for a document fact)
     * @param fromFact whether it is a document fact
     */
    public record Stated(BigDecimal value, int section, String evidence, String phrase, boolean fromFact) {

        /** A fact as the rules state it. */
        static Stated of(Fact f) {
            String evidence = f.evidence() == null ? "" : f.evidence();
            return f.sentenceFact()
                    ? new Stated(f.value(), f.section() == null ? 0 : f.section(), f.evidence(), f.phrase(), false)
                    : new Stated(f.value(), f.section() == null ? 0 : f.section(), f.evidence(), evidence, true);
        }
    }

    private NarrativeNumbers() {
    }

    /** The first statement of a fact: its first document fact, else its first sentence fact; null when none. */
    public static Stated first(RuleInput in, String factName) {
        List<Stated> all = all(in, factName);
        return all.isEmpty() ? null : all.get(0);
    }

    /** Every statement of a fact: its document facts, or its sentence facts when it has no document fact. */
    public static List<Stated> all(RuleInput in, String factName) {
        List<Stated> out = new ArrayList<>();
        for (Fact f : in.text().factsOrSentenceFacts(factName)) {
            out.add(Stated.of(f));
        }
        return out;
    }

    /** The number of fee notices part 六 reports: fact {@code fee_notices} (0 for "未发出收费通知"), or null. */
    public static BigDecimal feeNotices(RuleInput in) {
        Stated s = first(in, "fee_notices");
        return s == null ? null : s.value();
    }

    /** The fee amount part 六 says was collected (fact {@code fees_collected}), or null when it states none. */
    public static BigDecimal feesCollected(RuleInput in) {
        Stated s = first(in, "fees_collected");
        return s == null ? null : s.value();
    }

    /** The sentence of part 六 that states fee notices, for evidence. */
    public static String feeSentence(RuleInput in) {
        for (String sentence : in.text().sentences(6)) {
            if (sentence.contains("收费") || sentence.contains("处理费")) {
                return sentence;
            }
        }
        return null;
    }
}

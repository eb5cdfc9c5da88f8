package io.annualreport.rules.catalogue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.annualreport.model.report.Fact;
import io.annualreport.rules.engine.RuleInput;

/**
 * Numbers stated in the narrative: first the parser's facts by name, then this module's own keyword matching on the
 * normalized section text (the fallback while fact extraction is being written). Approximate counts ("5500余条",
 * "四十余条") are never read.
 */
public final class NarrativeNumbers {

    /** A number stated in the text, with the sentence it was read from. */
    public record Stated(BigDecimal value, int section, String evidence, String phrase, boolean fromFact) {
    }

    private static final Pattern FEE_NOTICES = Pattern.compile("收费通知[^。；，\\d]{0,12}?(\\d+)(?![\\d.])(余|多)?(件|份|次)");
    private static final Pattern FEE_NOTICES_ZERO = Pattern.compile(
            "(未|没有|无)[^。；，\\d]{0,6}?(发出|发放|出具)?收费通知|收费通知[^。；\\d]{0,30}?(均为|为|共)0(?![\\d.])");

    private static final Pattern FEES_COLLECTED = Pattern.compile(
            "(收取|收缴|实收|收费)[^。；，\\d]{0,20}?(\\d+(?:\\.\\d+)?)(元|万元)");

    private NarrativeNumbers() {
    }

    /**
     * The first statement of a fact: the parser's fact of that name if any, else the first match of the pattern in the
     * given sections whose group {@code group} is the number. A match whose number is followed by 余 or 多 is skipped;
     * a match for which {@code reject} finds something in the matched phrase is skipped too.
     */
    public static Stated first(RuleInput in, String factName, int[] sections, Pattern pattern, int group,
            Pattern reject) {
        List<Stated> all = all(in, factName, sections, pattern, group, reject, true);
        return all.isEmpty() ? null : all.get(0);
    }

    /** Every statement of a fact (facts first; the text only when there is no fact of that name). */
    public static List<Stated> all(RuleInput in, String factName, int[] sections, Pattern pattern, int group,
            Pattern reject, boolean firstOnly) {
        List<Stated> out = new ArrayList<>();
        if (factName != null) {
            for (Fact f : in.text().facts(factName)) {
                out.add(new Stated(f.value(), f.section() == null ? 0 : f.section(), f.evidence(),
                        f.evidence() == null ? "" : f.evidence(), true));
                if (firstOnly) {
                    return out;
                }
            }
            if (!out.isEmpty()) {
                return out;
            }
        }
        for (int section : sections) {
            for (String sentence : in.text().sentences(section)) {
                if (sentence.indexOf('件') < 0) {
                    continue;
                }
                Matcher m = pattern.matcher(sentence);
                while (m.find()) {
                    String phrase = m.group();
                    if (reject != null && reject.matcher(phrase).find()) {
                        continue;
                    }
                    int end = m.end(group);
                    if (end < sentence.length() && (sentence.charAt(end) == '余' || sentence.charAt(end) == '多')) {
                        continue;
                    }
                    out.add(new Stated(new BigDecimal(m.group(group)), section, sentence, phrase, false));
                    if (firstOnly) {
                        return out;
                    }
                }
            }
        }
        return out;
    }

    /** The number of fee notices part 六 reports: fact {@code fee_notices}, else 收费通知…N件; 0 for "未发出收费通知". */
    public static BigDecimal feeNotices(RuleInput in) {
        List<Fact> facts = in.text().facts("fee_notices");
        if (!facts.isEmpty()) {
            return facts.get(0).value();
        }
        for (String sentence : in.text().sentences(6)) {
            Matcher m = FEE_NOTICES.matcher(sentence);
            if (m.find() && m.group(2) == null) {
                return new BigDecimal(m.group(1));
            }
            if (FEE_NOTICES_ZERO.matcher(sentence).find()) {
                return BigDecimal.ZERO;
            }
        }
        return null;
    }

    /** The fee amount part 六 says was collected (收取…信息处理费 N 元), or null when it states none. */
    public static BigDecimal feesCollected(RuleInput in) {
        List<Fact> facts = in.text().facts("fees_collected");
        if (!facts.isEmpty()) {
            return facts.get(0).value();
        }
        for (String sentence : in.text().sentences(6)) {
            Matcher m = FEES_COLLECTED.matcher(sentence);
            if (m.find()) {
                return new BigDecimal(m.group(2));
            }
        }
        return null;
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

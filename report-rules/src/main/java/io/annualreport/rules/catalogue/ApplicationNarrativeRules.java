package io.annualreport.rules.catalogue;

import static io.annualreport.rules.catalogue.Specs.BOTH;
import static io.annualreport.rules.catalogue.Specs.E;
import static io.annualreport.rules.catalogue.Specs.W;
import static io.annualreport.rules.catalogue.Specs.spec;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    private static final String FACTS_NOTE = "Reads parser fact %s; falls back to matching %s in parts 一 and 三.";

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
            "Own matching only: a total 共/总计…T件 and N件…占P% in the same sentence of parts 一 and 三.");

    private static final int[] NARRATIVE = {1, 3};
    private static final Pattern RECEIVED = Pattern.compile(
            "(共|合计|累计)?(收到|新收|受理|接收|接到)(?:各类)?([^。；，\\d]{0,16}?)申请(?:数量|数)?(?:为|共|合计|累计)?(\\d+)件");
    private static final Pattern NONE_RECEIVED = Pattern.compile(
            "(未|没有)(收到|受理|接到|接收|新收)([^。；，\\d]{0,16}?)申请|(收到|受理|新收)([^。；，\\d]{0,16}?)申请(?:数量|数)?为?0件"
                    + "|依申请公开[^。；，]{0,8}零报告");
    private static final Pattern NO_CARRY_OVER = Pattern.compile("(无|没有)上年(度)?结转");
    private static final Pattern NOT_APPLICATIONS = Pattern.compile("复议|诉讼|结转|上年|投诉|举报|信访|咨询|依申请公开事项");
    private static final Pattern CARRIED_OVER = Pattern.compile("上年(?:度)?结转(?:的)?(?:政府信息公开)?(?:申请)?(?:共|为)?(\\d+)件");
    private static final Pattern HANDLED = Pattern.compile("(办结|答复)(?:各类)?(?:政府信息公开)?(?:申请)?(?:共|合计)?(\\d+)件");
    private static final Pattern CARRIED_FORWARD = Pattern.compile(
            "(?:结转|顺延|转入|转)(?:到|至)?下(?:一)?年度?(?:继续办理|办理|答复)?(?:的)?(?:申请)?(?:共|为)?(\\d+)件"
                    + "|(\\d+)件(?:申请)?[^。；，\\d]{0,4}?(?:结转|顺延|转入)(?:到|至)?下(?:一)?年");
    private static final Pattern COMBINED = Pattern.compile("予以公开(?:及|和|、|与)部分公开[^。；，\\d]{0,4}?(\\d+)件");
    private static final Pattern PERCENT_TOTAL = Pattern.compile("(?:共|总计|合计)[^。；\\d]{0,12}?(\\d+)件");
    private static final Pattern PERCENT_PART = Pattern.compile("(\\d+)件[，、]?[^。；，\\d]{0,4}?占(?:比)?[^。；，\\d]{0,6}?"
            + "(\\d+(?:\\.\\d+)?)%");
    private static final Pattern REVIEW_WORDS = Pattern.compile("复议|诉讼");
    private static final java.util.Map<String, Pattern> CATEGORY_PATTERNS = new java.util.HashMap<>();
    private static final String[][] CATEGORIES = {
            {"予以公开", "disclosed", "disclosed"},
            {"部分公开", "partially_disclosed", "partially_disclosed"},
            {"不予公开", "withheld", "withheld_"},
            {"无法提供", "unavailable", "unavailable_"},
            {"不予处理", "not_processed", "not_processed_"},
            {"其他处理", "other_handling", "other_"}};

    static {
        for (String[] category : CATEGORIES) {
            CATEGORY_PATTERNS.put(category[0], Pattern.compile(category[0] + "(?:的|申请)?(?:共|为)?(\\d+)件"));
        }
    }

    private ApplicationNarrativeRules() {
    }

    /** X-01…X-07 in catalogue order. */
    public static List<RegisteredRule> rules() {
        return List.of(
                new RegisteredRule(X_01, ApplicationNarrativeRules::noneReceived),
                new RegisteredRule(X_02, ApplicationNarrativeRules::received),
                new RegisteredRule(X_03, (in, sink) -> compare(in, sink, "applications_carried_over", CARRIED_OVER, 1,
                        "carried_over")),
                new RegisteredRule(X_04, (in, sink) -> compare(in, sink, "applications_handled", HANDLED, 2,
                        "total_handled")),
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
        boolean fromFacts = evidence != null;
        if (!fromFacts) {
            outer : for (int section : NARRATIVE) {
                for (String sentence : in.text().sentences(section)) {
                    if (!sentence.contains("申请")) {
                        continue;
                    }
                    Matcher m = NONE_RECEIVED.matcher(sentence);
                    while (m.find()) {
                        String between = m.group(3) != null ? m.group(3) : m.group(5) != null ? m.group(5) : "";
                        if (!NOT_APPLICATIONS.matcher(between).find()) {
                            evidence = sentence;
                            break outer;
                        }
                    }
                }
            }
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
        if (NO_CARRY_OVER.matcher(evidence).find()) {
            BigDecimal r2 = in.tables().number(total("carried_over"));
            if (r2 != null && r2.signum() != 0) {
                sink.finding(TemplateRegistry.t3Rows(in.edition()).get(1).label() + "总计", r2)
                        .cells(total("carried_over")).expected(BigDecimal.ZERO).actual(r2).evidence(evidence).raise();
            }
        }
    }

    private static void received(RuleInput in, FindingSink sink) {
        List<Stated> stated = new ArrayList<>(in.text().facts("applications_received").isEmpty()
                ? List.of()
                : NarrativeNumbers.all(in, "applications_received", NARRATIVE, RECEIVED, 4, null, false));
        if (stated.isEmpty()) {
            for (int section : NARRATIVE) {
                for (String sentence : in.text().sentences(section)) {
                    if (sentence.indexOf('件') < 0) {
                        continue;
                    }
                    Matcher m = RECEIVED.matcher(sentence);
                    if (m.find() && !NOT_APPLICATIONS.matcher(m.group(3)).find() && !approximate(sentence, m.end(4))
                            && !precededByNegation(sentence, m.start(2))) {
                        stated.add(new Stated(new BigDecimal(m.group(4)), section, sentence, m.group(), false));
                    }
                }
            }
        }
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

    private static boolean approximate(String sentence, int numberEnd) {
        return numberEnd < sentence.length()
                && (sentence.charAt(numberEnd) == '余' || sentence.charAt(numberEnd) == '多');
    }

    private static boolean precededByNegation(String sentence, int start) {
        return start > 0 && (sentence.charAt(start - 1) == '未' || sentence.charAt(start - 1) == '无');
    }

    private static void compare(RuleInput in, FindingSink sink, String fact, Pattern pattern, int group, String row) {
        Stated s = NarrativeNumbers.first(in, fact, NARRATIVE, pattern, group, REVIEW_WORDS);
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
        Stated s = null;
        var facts = in.text().facts("applications_carried_forward");
        if (!facts.isEmpty()) {
            s = new Stated(facts.get(0).value(), 0, facts.get(0).evidence(), "", true);
        } else {
            outer : for (int section : NARRATIVE) {
                for (String sentence : in.text().sentences(section)) {
                    if (sentence.indexOf('件') < 0) {
                        continue;
                    }
                    Matcher m = CARRIED_FORWARD.matcher(sentence);
                    if (m.find()) {
                        int g = m.group(1) != null ? 1 : 2;
                        if (!approximate(sentence, m.end(g))) {
                            s = new Stated(new BigDecimal(m.group(g)), section, sentence, m.group(), false);
                            break outer;
                        }
                    }
                }
            }
        }
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
            Stated s = null;
            var facts = in.text().facts(category[1]);
            if (!facts.isEmpty()) {
                s = new Stated(facts.get(0).value(), 0, facts.get(0).evidence(), "", true);
            } else {
                s = categoryInText(in, category[0]);
            }
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
        for (int section : NARRATIVE) {
            for (String sentence : in.text().sentences(section)) {
                if (sentence.indexOf('件') < 0) {
                    continue;
                }
                Matcher m = COMBINED.matcher(sentence);
                if (m.find() && !approximate(sentence, m.end(1))) {
                    check(in, sink, "予以公开及部分公开",
                            new Stated(new BigDecimal(m.group(1)), section, sentence, m.group(), false),
                            List.of(total("disclosed"), total("partially_disclosed")));
                    return;
                }
            }
        }
    }

    private static Stated categoryInText(RuleInput in, String label) {
        Pattern p = CATEGORY_PATTERNS.get(label);
        for (int section : NARRATIVE) {
            for (String sentence : in.text().sentences(section)) {
                if (sentence.indexOf('件') < 0 || !sentence.contains(label)) {
                    continue;
                }
                Matcher m = p.matcher(sentence);
                while (m.find()) {
                    int start = m.start();
                    boolean combined = start >= 1 && "及和、与".indexOf(sentence.charAt(start - 1)) >= 0
                            && sentence.startsWith("予以公开", Math.max(0, start - 5));
                    if (!combined && !approximate(sentence, m.end(1))) {
                        return new Stated(new BigDecimal(m.group(1)), section, sentence, m.group(), false);
                    }
                }
            }
        }
        return null;
    }

    private static void check(RuleInput in, FindingSink sink, String label, Stated s, List<String> keys) {
        BigDecimal table = in.tables().sum(keys);
        if (table == null) {
            sink.notAssessable();
            return;
        }
        if (table.compareTo(s.value()) != 0) {
            sink.finding(label, s.value(), table).cells(keys).section(s.section() == 0 ? 3 : s.section())
                    .expected(table).actual(s.value()).evidence(s.evidence()).raise();
        }
    }

    private static void percentages(RuleInput in, FindingSink sink) {
        for (int section : NARRATIVE) {
            for (String sentence : in.text().sentences(section)) {
                if (sentence.indexOf('%') < 0) {
                    continue;
                }
                Matcher t = PERCENT_TOTAL.matcher(sentence);
                if (!t.find() || approximate(sentence, t.end(1))) {
                    continue;
                }
                BigDecimal totalValue = new BigDecimal(t.group(1));
                if (totalValue.signum() == 0) {
                    continue;
                }
                Matcher p = PERCENT_PART.matcher(sentence);
                p.region(t.end(), sentence.length());
                while (p.find()) {
                    BigDecimal part = new BigDecimal(p.group(1));
                    BigDecimal stated = new BigDecimal(p.group(2));
                    BigDecimal computed = part.multiply(BigDecimal.valueOf(100)).divide(totalValue, 2,
                            RoundingMode.HALF_UP);
                    if (computed.subtract(stated).abs().compareTo(new BigDecimal("0.5")) > 0) {
                        sink.finding(part, stated, totalValue, computed).section(section).expected(computed)
                                .actual(stated).evidence(sentence).raise();
                    }
                }
            }
        }
    }
}

package io.annualreport.parser.facts;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.annualreport.model.report.Fact;
import io.annualreport.model.report.Section;
import io.annualreport.model.text.NarrativeText;

/**
 * Reads the narrative sentence by sentence, as {@link NarrativeText} normalizes it, for the numbers and statements the
 * rules compare with the tables: every match becomes a sentence fact ({@link Fact#phrase()} set) whose evidence is the
 * sentence. Approximate counts ("5500余条", "四十余件") are never read. The rules prefer the document facts of
 * {@link FactExtractor} of the same name where there are any.
 *
 * <p>
 * Names beyond {@link FactExtractor}'s: {@code percentage} (value the stated percent, parts {@code part} and
 * {@code total}), {@code separated_handling} (区分处理 N 件), and the qualifiers {@code review}/{@code litigation} (1 or 0)
 * on {@code no_review_or_litigation} and {@code all_upheld}.
 */
public final class SentenceFacts {

    /** Parts 一 and 三: what the text says about applications. */
    private static final int[] APPLICATIONS = {1, 3};
    /** Parts 一 and 四: what the text says about review and litigation. */
    private static final int[] REVIEW_PARTS = {1, 4};
    private static final int[] FEES = {6};

    private static final Pattern RECEIVED = Pattern.compile(
            "(共|合计|累计)?(收到|新收|受理|接收|接到)(?:各类)?([^。；，\\d]{0,16}?)申请(?:数量|数)?(?:为|共|合计|累计)?(\\d+)件");
    private static final Pattern NONE_RECEIVED = Pattern.compile(
            "(未|没有)(收到|受理|接到|接收|新收)([^。；，\\d]{0,16}?)申请|(收到|受理|新收)([^。；，\\d]{0,16}?)申请(?:数量|数)?为?0件"
                    + "|依申请公开[^。；，]{0,8}零报告");
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
    private static final Pattern SEPARATED = Pattern.compile("区分处理[^。；，\\d]{0,8}?(\\d+)件");
    private static final String[][] CATEGORIES = {
            {"予以公开", "disclosed"},
            {"部分公开", "partially_disclosed"},
            {"不予公开", "withheld"},
            {"无法提供", "unavailable"},
            {"不予处理", "not_processed"},
            {"其他处理", "other_handling"}};
    private static final Pattern[] CATEGORY_PATTERNS = new Pattern[CATEGORIES.length];

    private static final Pattern NO_REVIEW = Pattern.compile(
            "(未发生|没有发生|未出现|没有出现|未收到|没有收到|未产生|未涉及|没有|无(?!论))([^。；，\\d]{0,20}?)(行政复议|行政诉讼)");
    private static final Pattern NOT_NONE = Pattern.compile("纠|败诉|撤销|确认违法|被告");
    private static final Pattern REVIEW = Pattern.compile("(?<!复议后)行政复议(?:案件|申请)?(?:共|合计)?(\\d+)件");
    private static final Pattern LITIGATION = Pattern.compile("行政诉讼(?:案件)?(?:共|合计)?(\\d+)件");
    private static final Pattern UPHELD = Pattern.compile("均获维持|均被维持|均维持|全部维持|均予以维持|均予维持");
    private static final Pattern DIGIT_CASES = Pattern.compile("\\d+件");

    private static final Pattern FEE_NOTICES = Pattern.compile("收费通知[^。；，\\d]{0,12}?(\\d+)(?![\\d.])(余|多)?(件|份|次)");
    private static final Pattern FEE_NOTICES_ZERO = Pattern.compile(
            "(未|没有|无)[^。；，\\d]{0,6}?(发出|发放|出具)?收费通知|收费通知[^。；\\d]{0,30}?(均为|为|共)0(?![\\d.])");
    private static final Pattern FEES_COLLECTED = Pattern.compile(
            "(收取|收缴|实收|收费)[^。；，\\d]{0,20}?(\\d+(?:\\.\\d+)?)(元|万元)");

    private static final Pattern ENUMERATION = Pattern.compile("(\\d+)(余|多)?([条件个项篇期次])[，、：]?其中");
    private static final Pattern ENUMERATION_END = Pattern.compile("[，、：](?:已|均|共|合计|累计|另|全部|办结|答复|同比|较上年)");
    private static final Pattern PARENTHESES = Pattern.compile("（[^（）]*）");
    private static final String UNITS = "条件个项篇期次";
    private static final Pattern[] ENUMERATION_PARTS = new Pattern[UNITS.length()];

    static {
        for (int i = 0; i < CATEGORIES.length; i++) {
            CATEGORY_PATTERNS[i] = Pattern.compile(CATEGORIES[i][0] + "(?:的|申请)?(?:共|为)?(\\d+)件");
        }
        for (int i = 0; i < UNITS.length(); i++) {
            ENUMERATION_PARTS[i] = Pattern.compile("(\\d+(?:\\.\\d+)?)(余|多)?" + UNITS.charAt(i));
        }
    }

    private SentenceFacts() {
    }

    /** The sentence facts of the six parts, in part and sentence order. */
    public static List<Fact> extract(List<Section> sections) {
        List<List<String>> sentences = new ArrayList<>();
        sentences.add(List.of());
        for (int number = 1; number <= 6; number++) {
            sentences.add(sentencesOf(sections, number));
        }
        List<Fact> facts = new ArrayList<>();
        Reader reader = new Reader(sentences, facts::add);
        reader.noneReceived();
        reader.received();
        reader.counts("applications_carried_over", APPLICATIONS, CARRIED_OVER, 1, REVIEW_WORDS);
        reader.counts("applications_handled", APPLICATIONS, HANDLED, 2, REVIEW_WORDS);
        reader.carriedForward();
        reader.categories();
        reader.combined();
        reader.percentages();
        reader.separated();
        reader.noReviewOrLitigation();
        reader.counts("review_cases", REVIEW_PARTS, REVIEW, 1, null);
        reader.counts("litigation_cases", REVIEW_PARTS, LITIGATION, 1, null);
        reader.allUpheld();
        reader.feeNotices();
        reader.feesCollected();
        reader.enumerations();
        return facts;
    }

    private static List<String> sentencesOf(List<Section> sections, int number) {
        if (sections != null) {
            for (Section s : sections) {
                if (s.number() == number) {
                    return NarrativeText.sentences(NarrativeText.narrative(s.text()));
                }
            }
        }
        return List.of();
    }

    /** The reading of one report's sentences. */
    private record Reader(List<List<String>> sentences, Consumer<Fact> out) {

        void add(String name, BigDecimal value, int section, String sentence, String phrase,
                List<Fact.FactPart> parts) {
            out.accept(new Fact(name, value, section, sentence, 0, 0, parts, phrase));
        }

        void add(String name, BigDecimal value, int section, String sentence, String phrase) {
            add(name, value, section, sentence, phrase, List.of());
        }

        /** 未收到…申请 / 收到…申请0件 / 依申请公开…零报告; the first such clause of a sentence. */
        void noneReceived() {
            for (int section : APPLICATIONS) {
                for (String sentence : sentences.get(section)) {
                    if (!sentence.contains("申请")) {
                        continue;
                    }
                    Matcher m = NONE_RECEIVED.matcher(sentence);
                    while (m.find()) {
                        String between = m.group(3) != null ? m.group(3) : m.group(5) != null ? m.group(5) : "";
                        if (!NOT_APPLICATIONS.matcher(between).find()) {
                            add("no_applications_received", BigDecimal.ONE, section, sentence, m.group());
                            break;
                        }
                    }
                }
            }
        }

        /** 收到/新收/受理…申请 N 件: the first match of a sentence, unless negated, approximate or about other things. */
        void received() {
            for (int section : APPLICATIONS) {
                for (String sentence : sentences.get(section)) {
                    if (sentence.indexOf('件') < 0) {
                        continue;
                    }
                    Matcher m = RECEIVED.matcher(sentence);
                    if (m.find() && !NOT_APPLICATIONS.matcher(m.group(3)).find() && !approximate(sentence, m.end(4))
                            && !precededByNegation(sentence, m.start(2))) {
                        add("applications_received", new BigDecimal(m.group(4)), section, sentence, m.group());
                    }
                }
            }
        }

        /** Every match of {@code pattern} whose number ({@code group}) is not approximate and whose phrase is not rejected. */
        void counts(String name, int[] sections, Pattern pattern, int group, Pattern reject) {
            for (int section : sections) {
                for (String sentence : sentences.get(section)) {
                    if (sentence.indexOf('件') < 0) {
                        continue;
                    }
                    Matcher m = pattern.matcher(sentence);
                    while (m.find()) {
                        if (reject != null && reject.matcher(m.group()).find() || approximate(sentence, m.end(group))) {
                            continue;
                        }
                        add(name, new BigDecimal(m.group(group)), section, sentence, m.group());
                    }
                }
            }
        }

        /** 结转/顺延至下年度 N 件 and N 件…结转下一年: the first match of a sentence, when not approximate. */
        void carriedForward() {
            for (int section : APPLICATIONS) {
                for (String sentence : sentences.get(section)) {
                    if (sentence.indexOf('件') < 0) {
                        continue;
                    }
                    Matcher m = CARRIED_FORWARD.matcher(sentence);
                    if (m.find()) {
                        int g = m.group(1) != null ? 1 : 2;
                        if (!approximate(sentence, m.end(g))) {
                            add("applications_carried_forward", new BigDecimal(m.group(g)), section, sentence,
                                    m.group());
                        }
                    }
                }
            }
        }

        /** 予以公开/部分公开/不予公开/无法提供/不予处理/其他处理 N 件, not the "予以公开及部分公开" of {@link #combined()}. */
        void categories() {
            for (int i = 0; i < CATEGORIES.length; i++) {
                String label = CATEGORIES[i][0];
                for (int section : APPLICATIONS) {
                    for (String sentence : sentences.get(section)) {
                        if (sentence.indexOf('件') < 0 || !sentence.contains(label)) {
                            continue;
                        }
                        Matcher m = CATEGORY_PATTERNS[i].matcher(sentence);
                        while (m.find()) {
                            int start = m.start();
                            boolean combined = start >= 1 && "及和、与".indexOf(sentence.charAt(start - 1)) >= 0
                                    && sentence.startsWith("予以公开", Math.max(0, start - 5));
                            if (!combined && !approximate(sentence, m.end(1))) {
                                add(CATEGORIES[i][1], new BigDecimal(m.group(1)), section, sentence, m.group());
                            }
                        }
                    }
                }
            }
        }

        /** 予以公开及部分公开 N 件: the first match of a sentence, when not approximate. */
        void combined() {
            for (int section : APPLICATIONS) {
                for (String sentence : sentences.get(section)) {
                    if (sentence.indexOf('件') < 0) {
                        continue;
                    }
                    Matcher m = COMBINED.matcher(sentence);
                    if (m.find() && !approximate(sentence, m.end(1))) {
                        add("disclosed_and_partially_disclosed", new BigDecimal(m.group(1)), section, sentence,
                                m.group());
                    }
                }
            }
        }

        /** 共…T件 … N件，占P%: one fact per percentage after a total that is stated exactly and not 0. */
        void percentages() {
            for (int section : APPLICATIONS) {
                for (String sentence : sentences.get(section)) {
                    if (sentence.indexOf('%') < 0) {
                        continue;
                    }
                    Matcher t = PERCENT_TOTAL.matcher(sentence);
                    if (!t.find() || approximate(sentence, t.end(1))) {
                        continue;
                    }
                    BigDecimal total = new BigDecimal(t.group(1));
                    if (total.signum() == 0) {
                        continue;
                    }
                    Matcher p = PERCENT_PART.matcher(sentence);
                    p.region(t.end(), sentence.length());
                    while (p.find()) {
                        add("percentage", new BigDecimal(p.group(2)), section, sentence, p.group(),
                                List.of(new Fact.FactPart("part", new BigDecimal(p.group(1))),
                                        new Fact.FactPart("total", total)));
                    }
                }
            }
        }

        /** 区分处理…N 件: the first match of a sentence that names 区分处理. */
        void separated() {
            for (int section : APPLICATIONS) {
                for (String sentence : sentences.get(section)) {
                    if (!sentence.contains("区分处理")) {
                        continue;
                    }
                    Matcher m = SEPARATED.matcher(sentence);
                    if (m.find()) {
                        add("separated_handling", new BigDecimal(m.group(1)), section, sentence, m.group());
                    }
                }
            }
        }

        /**
         * "未发生行政复议、行政诉讼": the first clause of a sentence that says none happened and names no count, no
         * correction and no lost case; parts {@code review} and {@code litigation} say which kinds it names.
         */
        void noReviewOrLitigation() {
            for (int section : REVIEW_PARTS) {
                for (String sentence : sentences.get(section)) {
                    if (!sentence.contains("复议") && !sentence.contains("诉讼")) {
                        continue;
                    }
                    for (String clause : sentence.split("，")) {
                        if (!NO_REVIEW.matcher(clause).find() || NOT_NONE.matcher(clause).find()
                                || DIGIT_CASES.matcher(clause).find()) {
                            continue;
                        }
                        add("no_review_or_litigation", BigDecimal.ONE, section, sentence, clause,
                                kinds(clause.contains("复议"), clause.contains("诉讼")));
                        break;
                    }
                }
            }
        }

        /** 均获维持: the first clause of a sentence that says so; parts say which kinds of case it is about. */
        void allUpheld() {
            for (int section : REVIEW_PARTS) {
                for (String sentence : sentences.get(section)) {
                    if (!sentence.contains("维持")) {
                        continue;
                    }
                    for (String clause : sentence.split("，")) {
                        if (UPHELD.matcher(clause).find()) {
                            String scope = clause.contains("复议") || clause.contains("诉讼") ? clause : sentence;
                            add("all_upheld", BigDecimal.ONE, section, sentence, clause,
                                    kinds(scope.contains("复议") || !scope.contains("诉讼"),
                                            scope.contains("诉讼") || !scope.contains("复议")));
                            break;
                        }
                    }
                }
            }
        }

        /** 收费通知…N 件 (not approximate), or 0 for "未发出收费通知" / "收费通知…均为0": one per sentence of part 六. */
        void feeNotices() {
            for (int section : FEES) {
                for (String sentence : sentences.get(section)) {
                    Matcher m = FEE_NOTICES.matcher(sentence);
                    if (m.find() && m.group(2) == null) {
                        add("fee_notices", new BigDecimal(m.group(1)), section, sentence, m.group());
                        continue;
                    }
                    Matcher zero = FEE_NOTICES_ZERO.matcher(sentence);
                    if (zero.find()) {
                        add("fee_notices", BigDecimal.ZERO, section, sentence, zero.group());
                    }
                }
            }
        }

        /** 收取…N 元 (or 万元, as printed): the first amount of a sentence of part 六. */
        void feesCollected() {
            for (int section : FEES) {
                for (String sentence : sentences.get(section)) {
                    Matcher m = FEES_COLLECTED.matcher(sentence);
                    if (m.find()) {
                        add("fees_collected", new BigDecimal(m.group(2)), section, sentence, m.group());
                    }
                }
            }
        }

        /** "N条，其中A条、B条…": the total and its listed parts, when none is approximate and at least two are listed. */
        void enumerations() {
            for (int section = 1; section <= 6; section++) {
                for (String sentence : sentences.get(section)) {
                    if (!sentence.contains("其中")) {
                        continue;
                    }
                    Matcher m = ENUMERATION.matcher(sentence);
                    if (!m.find() || m.group(2) != null) {
                        continue;
                    }
                    String rest = PARENTHESES.matcher(sentence.substring(m.end())).replaceAll("");
                    Matcher stop = ENUMERATION_END.matcher(rest);
                    rest = stop.find() ? rest.substring(0, stop.start()) : rest;
                    Matcher part = ENUMERATION_PARTS[UNITS.indexOf(m.group(3))].matcher(rest);
                    List<Fact.FactPart> parts = new ArrayList<>();
                    boolean approximate = false;
                    while (part.find()) {
                        if (part.group(2) != null || part.group(1).contains(".")) {
                            approximate = true;
                            break;
                        }
                        parts.add(new Fact.FactPart("", new BigDecimal(part.group(1))));
                    }
                    if (!approximate && parts.size() >= 2) {
                        add("enumeration", new BigDecimal(m.group(1)), section, sentence, m.group(), parts);
                    }
                }
            }
        }

        private static List<Fact.FactPart> kinds(boolean review, boolean litigation) {
            return List.of(new Fact.FactPart("review", review ? BigDecimal.ONE : BigDecimal.ZERO),
                    new Fact.FactPart("litigation", litigation ? BigDecimal.ONE : BigDecimal.ZERO));
        }

        private static boolean approximate(String sentence, int numberEnd) {
            return numberEnd < sentence.length()
                    && (sentence.charAt(numberEnd) == '余' || sentence.charAt(numberEnd) == '多');
        }

        private static boolean precededByNegation(String sentence, int start) {
            return start > 0 && (sentence.charAt(start - 1) == '未' || sentence.charAt(start - 1) == '无');
        }
    }
}

package io.annualreport.rules.catalogue;

import static io.annualreport.rules.catalogue.Specs.BOTH;
import static io.annualreport.rules.catalogue.Specs.E;
import static io.annualreport.rules.catalogue.Specs.NEW;
import static io.annualreport.rules.catalogue.Specs.W;
import static io.annualreport.rules.catalogue.Specs.spec;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.annualreport.model.report.ReadingStatus;
import io.annualreport.model.report.Section;
import io.annualreport.model.text.NarrativeText;
import io.annualreport.model.validation.Severity;
import io.annualreport.rules.engine.Coverage;
import io.annualreport.rules.engine.FindingSink;
import io.annualreport.rules.engine.Part;
import io.annualreport.rules.engine.RegisteredRule;
import io.annualreport.rules.engine.RuleInput;
import io.annualreport.rules.engine.RuleSpec;

/** Document and section rules (docs/format.md §3.1): the six parts, headings, title, period and part contents. */
public final class SectionRules {

    /** The canonical headings of the six parts (§1.2), identical in both editions. */
    static final List<String> CANONICAL_HEADINGS = List.of("一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项");
    private static final String NUMERALS = "一二三四五六";

    static final RuleSpec S_01 = spec("S-01", E, BOTH, Part.DOCUMENT, "All six top-level sections present",
            "headings 总体情况; 主动公开政府信息情况; 收到和处理政府信息公开申请情况; 行政复议…行政诉讼; 存在的主要问题;"
                    + " 其他需要报告的事项 each found once",
            "缺少第{0}部分：{1}", "Part {0} missing: {2}",
            "Reads the parser's split and its reading report; a part not split out is missing only when a complete file has"
                    + " no trace of it (heading variants, regional numbering, OCR confusions, its table); else NEEDS_REVIEW.");
    static final RuleSpec S_02 = spec("S-02", E, BOTH, Part.DOCUMENT, "Sections in order 一→六",
            "section positions strictly increasing", "第{0}部分出现在第{1}部分之前", "Part {0} appears before part {1}");
    static final RuleSpec S_03 = spec("S-03", W, BOTH, Part.DOCUMENT, "Heading text canonical",
            "heading = §1.2 after normalising brackets and whitespace", "第{0}部分标题“{1}”与统一格式“{2}”不一致",
            "Part {0} heading \"{1}\" differs from the format's \"{2}\"");
    static final RuleSpec S_04 = spec("S-04", W, BOTH, Part.DOCUMENT, "Top-level numbering uses 一、…六、",
            "not \"1、\" / \"第一部分\"", "标题“{0}”未使用“一、…六、”编号", "Heading \"{0}\" is not numbered 一、…六、",
            "Checks the parser's headings and scans the text for \"1、总体情况\"-style lines.");
    static final RuleSpec S_12 = spec("S-12", W, BOTH, Part.DOCUMENT, "Title pattern",
            "^<机关全称>YYYY年政府信息公开工作年度报告$ (title wrapped after the agency accepted)", "标题不规范：{0}",
            "Non-canonical title: {1}", "Reads the first lines of the text (not Identity.title).");
    static final RuleSpec S_13 = spec("S-13", E, BOTH, Part.DOCUMENT, "Statistical period equals the report year",
            "\"统计期限…Y年1月1日…12月31日\" if present", "统计期限{0}",
            "Statistical period {1}",
            "ERROR when stated with another year. When absent: INFO, not the catalogue's WARNING (most real reports,"
                    + " e.g. all five seeds, do not state it; a warning would cry wolf).");
    static final RuleSpec S_15 = spec("S-15", W, NEW, Part.OVERVIEW, "Section 一 covers the five sub-topics",
            "mentions of 主动公开, 依申请公开, 政府信息管理, (公开)平台建设, 监督保障", "第一部分未涉及“{0}”",
            "Part 一 does not cover {0}", "Keyword matching on part 一, synonyms accepted (e.g. 信息资源 for 政府信息管理).");
    static final RuleSpec S_16 = spec("S-16", W, BOTH, Part.PROBLEMS, "Section 五 substantive",
            "non-empty, not a denial (\"没有问题\", \"无\"), states problems and 改进 measures", "第五部分{0}",
            "Part 五 {1}");
    static final RuleSpec S_17 = spec("S-17", W, NEW, Part.OTHER, "Section 六 reports fees",
            "mentions 信息处理费 / 收费通知 (count, amount, collected)", "第六部分未说明信息处理费收取情况：{0}",
            "Part 六 says nothing about information-processing fees: {0}");
    static final RuleSpec S_18 = spec("S-18", E, BOTH, Part.DOCUMENT, "No template placeholders or missing numbers",
            "\"XX\", \"××\", an empty \"（ ）\", \"共…条\" with no digits", "正文含未填写的占位内容：“{0}”",
            "The text contains an unfilled placeholder: \"{0}\"");
    static final RuleSpec S_19 = spec("S-19", W, BOTH, Part.DOCUMENT, "Preamble part-list matches the sections",
            "if the preamble enumerates the parts, the list equals the six sections", "前言所列报告组成与六个部分不符：{0}",
            "The preamble's list of parts does not match the six parts: {0}");

    private static final String[][] PART_KEYWORDS = {
            {"总体情况"}, {"主动公开政府信息"}, {"收到和处理"}, {"行政复议"}, {"存在的主要问题", "问题"}, {"其他需要报告", "其他需要"}};
    private static final Pattern ARABIC_HEADING = Pattern.compile(
            "^[#\\s]*(?:[1-6][、.．]|第[一二三四五六]部分)\\s*(总体情况|主动公开政府信息情况|收到和处理政府信息公开申请情况|"
                    + "[^\\n]{0,10}行政复议[^\\n]{0,16}|存在的主要问题[^\\n]{0,8}|其他需要报告[^\\n]{0,6}|其他需要汇报[^\\n]{0,6})\\s*$",
            Pattern.MULTILINE);
    private static final Pattern TITLE = Pattern.compile("^(.*?)(\\d{4})年政府信息公开工作年度报告$");
    private static final Pattern PERIOD = Pattern.compile("统计(?:期限|期间|时限|周期|时间)[^。]{0,20}?(\\d{4})年1月1日");
    private static final String[] DENIAL = {"没有问题", "无问题", "不存在问题", "未发现问题", "暂无问题"};
    private static final String[] PROBLEM_WORDS = {"问题", "不足", "差距", "短板", "薄弱", "有待", "不够", "欠缺", "尚需", "仍需"};
    private static final String[] IMPROVE_WORDS = {"改进", "整改", "措施", "下一步", "加强", "提升", "完善", "推进", "强化"};
    private static final String[] FEE_WORDS = {"信息处理费", "收费通知", "处理费", "收取费用", "收费"};
    private static final Pattern PLACEHOLDER = Pattern.compile(
            "(?<![A-Za-z])(XX|xx|××|ХХ)(?![A-Za-z])|（）|(?:共|累计|合计)(?:主动)?(?:公开|发布|收到|受理|办理|答复|制发|公布)"
                    + "(?:各类)?(?:政府)?(?:信息)?(?:公开)?(?:申请)?(?:条|件)(?=[，。；、）]|$)");
    private static final Pattern PART_COUNT = Pattern.compile("([一二三四五六七八九十\\d])个部分");
    private static final String[] TOPIC_NAMES = {"主动公开", "依申请公开", "政府信息管理", "政府信息公开平台建设", "监督保障"};
    private static final String[][] TOPIC_WORDS = {{"主动公开"}, {"依申请"},
            {"信息管理", "信息资源", "管理情况", "公文公开属性", "审核", "审查"}, {"平台"}, {"监督", "保障", "考核", "培训"}};
    private static final Pattern LEADING_PUNCTUATION = Pattern.compile("^[-—_=*#\\s]+");
    private static final Pattern YEAR_FIRST = Pattern.compile("^\\d{4}年.*");
    private static final Pattern HAS_YEAR = Pattern.compile(".*\\d{4}.*");
    private static final Pattern PAGE_NUMBER = Pattern.compile("-?\\d+-?");
    private static final Pattern ONLY_NONE = Pattern.compile("[（(]?无[）)]?[。.]?|暂无[。.]?");

    private SectionRules() {
    }

    /** S-01…S-04, S-12, S-13, S-15…S-19 in catalogue order. */
    public static List<RegisteredRule> rules() {
        return List.of(
                new RegisteredRule(S_01, SectionRules::allPresent),
                new RegisteredRule(S_02, SectionRules::ordered),
                new RegisteredRule(S_03, SectionRules::canonicalHeadings),
                new RegisteredRule(S_04, SectionRules::numbering),
                new RegisteredRule(S_12, SectionRules::title),
                new RegisteredRule(S_13, SectionRules::period),
                new RegisteredRule(S_15, SectionRules::overviewTopics),
                new RegisteredRule(S_16, SectionRules::problemsSubstantive),
                new RegisteredRule(S_17, SectionRules::feesReported),
                new RegisteredRule(S_18, SectionRules::placeholders),
                new RegisteredRule(S_19, SectionRules::preamble));
    }

    private static void allPresent(RuleInput in, FindingSink sink) {
        Coverage coverage = in.coverage();
        List<String> numbers = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> unread = new ArrayList<>();
        Integer first = null;
        for (int i = 1; i <= 6; i++) {
            ReadingStatus status = coverage.part(i);
            if (status == ReadingStatus.ABSENT) {
                numbers.add(String.valueOf(NUMERALS.charAt(i - 1)));
                names.add(CANONICAL_HEADINGS.get(i - 1).substring(2));
                first = first == null ? i : first;
            } else if (status != ReadingStatus.READ) {
                unread.add(String.valueOf(NUMERALS.charAt(i - 1)));
            }
        }
        if (!unread.isEmpty()) {
            String reason = coverage.fileComplete()
                    ? "第" + String.join("、", unread) + "部分在文中有迹象（标题变体、地方编号、识别错字或其表格）但未能划分出来，不视为缺少"
                    : "文件不完整，第" + String.join("、", unread) + "部分未能读取，不视为缺少";
            sink.review(reason);
            if (numbers.isEmpty()) {
                sink.notAssessable(reason);
            }
        }
        if (numbers.size() == 6) {
            sink.finding("一至六", "未识别出任何部分标题", "no part heading was found").section(null).raise();
        } else if (!numbers.isEmpty()) {
            sink.finding(String.join("、", numbers), String.join("；", names), String.join(", ", names))
                    .section(first).raise();
        }
    }

    private static void ordered(RuleInput in, FindingSink sink) {
        Section previous = null;
        for (int i = 1; i <= 6; i++) {
            Section s = in.text().section(i);
            if (s == null) {
                continue;
            }
            if (previous != null && s.start() <= previous.start()) {
                if (!nationalNumbering(s, i) || !nationalNumbering(previous, previous.number())) {
                    String reason = "第" + NUMERALS.charAt(i - 1) + "部分与第" + NUMERALS.charAt(previous.number() - 1)
                            + "部分的标题不是全国统一编号（地方版式或标题变体），顺序需人工核对";
                    sink.review(reason);
                    sink.notAssessable(reason);
                } else {
                    sink.finding(NUMERALS.charAt(i - 1), NUMERALS.charAt(previous.number() - 1)).section(i)
                            .evidence(s.heading()).raise();
                }
            }
            previous = s;
        }
    }

    /** Whether a part's heading carries the national numeral of that part (一、 for part 1 and so on). */
    private static boolean nationalNumbering(Section s, int number) {
        String h = s.heading() == null ? "" : normalizeHeading(s.heading());
        return !h.isEmpty() && h.charAt(0) == NUMERALS.charAt(number - 1);
    }

    static String normalizeHeading(String heading) {
        String h = NarrativeText.compact(heading).replaceFirst("^#+", "");
        h = h.replaceAll("[：:。]+$", "").replace('．', '、').replace('.', '、').replace('，', '、');
        return h;
    }

    private static void canonicalHeadings(RuleInput in, FindingSink sink) {
        for (int i = 1; i <= 6; i++) {
            Section s = in.text().section(i);
            if (s == null || s.heading() == null) {
                continue;
            }
            String printed = normalizeHeading(s.heading());
            String canonical = CANONICAL_HEADINGS.get(i - 1);
            if (!printed.equals(canonical)) {
                sink.finding(NUMERALS.charAt(i - 1), s.heading().strip(), canonical).section(i).evidence(s.heading())
                        .raise();
            }
        }
    }

    private static void numbering(RuleInput in, FindingSink sink) {
        for (int i = 1; i <= 6; i++) {
            Section s = in.text().section(i);
            if (s != null && s.heading() != null) {
                String h = normalizeHeading(s.heading());
                if (!h.isEmpty() && h.charAt(0) != NUMERALS.charAt(i - 1)) {
                    sink.finding(s.heading().strip()).section(i).evidence(s.heading()).raise();
                }
            }
        }
        String text = in.report().text();
        if (text == null) {
            return;
        }
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            end = end < 0 ? text.length() : end;
            int i = start;
            while (i < end && (text.charAt(i) == '#' || text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                i++;
            }
            if (i < end && (text.charAt(i) >= '1' && text.charAt(i) <= '6' || text.charAt(i) == '第')) {
                Matcher m = ARABIC_HEADING.matcher(text.substring(start, end));
                if (m.find()) {
                    sink.finding(m.group().strip()).evidence(m.group().strip()).raise();
                    return;
                }
            }
            start = end + 1;
        }
    }

    private static List<String> firstLines(String text, int count) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        int start = 0;
        while (start < text.length() && out.size() < count) {
            int end = text.indexOf('\n', start);
            end = end < 0 ? text.length() : end;
            String c = end - start > 400
                    ? ""
                    : NarrativeText.compact(text.substring(start, end)).replaceFirst("^#+", "");
            start = end + 1;
            if (c.isEmpty() || PAGE_NUMBER.matcher(c).matches() || c.startsWith("http") || c.indexOf('>') >= 0) {
                continue;
            }
            out.add(c);
        }
        return out;
    }

    private static void title(RuleInput in, FindingSink sink) {
        List<String> lines = firstLines(in.report().text(), 8);
        String title = null;
        String previous = "";
        for (String raw : lines) {
            String line = LEADING_PUNCTUATION.matcher(raw).replaceFirst("");
            boolean titleLike = line.length() <= 60 && (line.endsWith("报告") || line.endsWith("年报"));
            if (titleLike && line.contains("政府信息公开")) {
                title = YEAR_FIRST.matcher(line).matches() && !previous.isEmpty() && !previous.contains("、")
                        ? previous
                                + line
                        : line;
                break;
            }
            if (line.startsWith("一、") || line.contains("总体情况")) {
                break;
            }
            previous = line;
        }
        if (title == null) {
            sink.finding("正文开头未找到报告标题（机关名称、年度）", "no title line at the top of the text").raise();
            return;
        }
        Matcher m = TITLE.matcher(title);
        if (m.matches() && !m.group(1).isEmpty()) {
            return;
        }
        String reason;
        if (!HAS_YEAR.matcher(title).matches()) {
            reason = "标题未写明年度";
        } else if (title.contains("年度政府信息公开工作年度报告")) {
            reason = "“YYYY年度…年度报告”";
        } else if (title.contains("政府信息公开工作报告") || title.contains("政府信息公开年度报告")) {
            reason = "应为“政府信息公开工作年度报告”";
        } else if (title.startsWith("政府信息公开工作")) {
            reason = "年度位置不规范";
        } else if (m.matches()) {
            reason = "标题缺少机关名称";
        } else {
            reason = "与“<机关全称>YYYY年政府信息公开工作年度报告”不符";
        }
        sink.finding(title + "（" + reason + "）", title + " (" + reason + ")").evidence(title).raise();
    }

    private static void period(RuleInput in, FindingSink sink) {
        Integer year = in.year();
        Section first = in.text().section(1);
        String text = in.report().text() == null ? "" : in.report().text();
        String compact = first == null
                ? in.text().compactText()
                : NarrativeText.compact(text.substring(0, Math.min(first.start(), text.length())))
                        + in.text().compactSection(1);
        Matcher m = PERIOD.matcher(compact);
        boolean found = false;
        for (int at = compact.indexOf("统计"); at >= 0 && !found; at = compact.indexOf("统计", at + 2)) {
            m.region(at, Math.min(compact.length(), at + 48));
            found = m.lookingAt();
        }
        if (!found) {
            sink.finding("未写明", "not stated").severity(Severity.INFO).raise();
            return;
        }
        if (year == null) {
            sink.notAssessable();
            return;
        }
        int stated = Integer.parseInt(m.group(1));
        if (stated != year) {
            sink.finding("为" + stated + "年，与报告年度" + year + "年不符", "is " + stated + ", not the report year " + year)
                    .expected(BigDecimal.valueOf(year)).actual(BigDecimal.valueOf(stated))
                    .evidence(m.group()).raise();
        }
    }

    private static void overviewTopics(RuleInput in, FindingSink sink) {
        Section s = in.text().section(1);
        if (s == null) {
            sink.notAssessable();
            return;
        }
        String text = in.text().compactSection(1);
        for (int i = 0; i < TOPIC_NAMES.length; i++) {
            if (NarrativeText.firstOf(text, TOPIC_WORDS[i]) == null) {
                sink.finding(TOPIC_NAMES[i]).raise();
            }
        }
    }

    private static void problemsSubstantive(RuleInput in, FindingSink sink) {
        Section s = in.text().section(5);
        if (s == null) {
            sink.notAssessable();
            return;
        }
        String text = in.text().compactSection(5);
        String denial = NarrativeText.firstOf(text, DENIAL);
        if (text.isEmpty() || ONLY_NONE.matcher(text).matches()) {
            sink.finding("为空或仅写“无”", "is empty or says only 无").evidence(s.text()).raise();
        } else if (denial != null) {
            sink.finding("称“" + denial + "”，未说明存在的问题", "denies any problem (" + denial + ")")
                    .evidence(sentenceAround(text, text.indexOf(denial))).raise();
        } else if (NarrativeText.firstOf(text, PROBLEM_WORDS) == null) {
            sink.finding("未说明存在的主要问题", "states no problem").raise();
        } else if (NarrativeText.firstOf(text, IMPROVE_WORDS) == null) {
            sink.finding("未说明改进措施", "states no improvement measure").raise();
        }
    }

    private static String sentenceAround(String text, int position) {
        int start = Math.max(text.lastIndexOf('。', position) + 1, 0);
        int end = text.indexOf('。', position);
        return text.substring(start, end < 0 ? text.length() : end + 1);
    }

    private static void feesReported(RuleInput in, FindingSink sink) {
        Section s = in.text().section(6);
        if (s == null) {
            sink.notAssessable();
            return;
        }
        String text = in.text().compactSection(6);
        if (NarrativeText.firstOf(text, FEE_WORDS) == null) {
            sink.finding(text.isEmpty() ? "（空）" : text.length() > 40 ? text.substring(0, 40) + "…" : text)
                    .evidence(s.text().isBlank() ? s.heading() : s.text()).raise();
        }
    }

    private static void placeholders(RuleInput in, FindingSink sink) {
        for (int i = 1; i <= 6; i++) {
            for (String sentence : in.text().sentences(i)) {
                if (!mayHoldPlaceholder(sentence)) {
                    continue;
                }
                Matcher m = PLACEHOLDER.matcher(sentence);
                if (m.find()) {
                    sink.finding(m.group()).section(i).evidence(sentence).raise();
                    return;
                }
            }
        }
    }

    private static boolean mayHoldPlaceholder(String sentence) {
        if (sentence.contains("XX") || sentence.contains("xx") || sentence.contains("××") || sentence.contains("ХХ")
                || sentence.contains("（）")) {
            return true;
        }
        return (sentence.indexOf('共') >= 0 || sentence.contains("累计") || sentence.contains("合计"))
                && (sentence.indexOf('条') >= 0 || sentence.indexOf('件') >= 0);
    }

    private static void preamble(RuleInput in, FindingSink sink) {
        Section first = in.text().section(1);
        String text = in.report().text();
        if (first == null || text == null) {
            sink.notAssessable();
            return;
        }
        String preamble = NarrativeText.compact(text.substring(0, Math.min(first.start(), text.length())));
        Matcher count = PART_COUNT.matcher(preamble);
        int listed = 0;
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            boolean found = false;
            for (String k : PART_KEYWORDS[i]) {
                found |= preamble.contains(k);
            }
            if (found) {
                listed++;
            } else {
                missing.add(CANONICAL_HEADINGS.get(i).substring(2));
            }
        }
        if (count.find()) {
            String n = count.group(1);
            if (!n.equals("六") && !n.equals("6")) {
                sink.finding("称“" + count.group() + "”").evidence(count.group()).raise();
                return;
            }
        }
        if (listed >= 3 && !missing.isEmpty()) {
            sink.finding("未列出" + String.join("、", missing)).evidence(preamble.length() > 200
                    ? preamble.substring(0, 200)
                    : preamble).raise();
        }
    }
}

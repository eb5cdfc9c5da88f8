package io.annualreport.parser.facts;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.annualreport.model.report.Fact;
import io.annualreport.model.report.Section;

/**
 * Reads numbers and yes/no statements from the narrative, each with the sentence it came from: applications received,
 * carried over, handled and carried forward, outcome counts, review and litigation cases, fees (in 元), phrases such as
 * 未收到…申请 and 均获维持 (value 1), and enumerations "共X条，其中A条、B条…" with their parts.
 */
public final class FactExtractor {

    private static final String NUM = "(\\d+(?:\\.\\d+)?)";
    private static final String GAP = "[^。;,\\d]";
    private static final BigDecimal ONE = BigDecimal.ONE;

    private static final List<Rule> RULES = List.of(
            count(List.of("收到", "受理", "新收", "接收"), "applications_received",
                    "(?:新收到?|收到|受理|接收)(?![^。;,]{0,3}率)([^。;,\\d]{0,25}?申请|[^。;,\\d]{0,25}?依申请[^。;,\\d]{0,15}?)" + GAP
                            + "{0,8}?" + NUM + "件"),
            count(List.of("收到", "受理"), "applications_received", "(?:收到|受理)" + NUM + "件[^。;,]{0,12}申请"),
            count(List.of("申请数量为"), "applications_received", "(?:收到|受理)[^。;,]{0,20}申请数量为" + NUM),
            count(List.of("结转"), "applications_carried_over", "上年度?结转" + GAP + "{0,20}?" + NUM + "件"),
            count(List.of("办结", "答复", "回复", "办理完结"), "applications_handled",
                    "(?:办结|答复|已回复|已答复|办理完结)(?!率)" + GAP + "{0,20}?" + NUM + "件"),
            count(List.of("结转", "顺延"), "applications_carried_forward",
                    "(?:结转(?:至|到)?下一?年度?|结转至\\d{4}年|顺延(?:至|到)下一?年度?)" + GAP + "{0,12}?" + NUM + "件"),
            count(List.of("顺延", "正在办理"), "applications_carried_forward", NUM + "件(?:顺延(?:至|到)下一?年度?|正在办理)"),
            count(List.of("部分公开"), "disclosed_and_partially_disclosed",
                    "予以公开(?:及|和|与)部分公开" + GAP + "{0,6}?" + NUM + "件"),
            count(List.of("予以公开"), "disclosed", "(?<!及|和|与)[\"“]?予以公开[\"”]?(?!及|和|与)" + GAP + "{0,6}?" + NUM + "件"),
            count(List.of("部分公开"), "partially_disclosed", "(?<!及|和|与)[\"“]?部分公开[\"”]?" + GAP + "{0,6}?" + NUM + "件"),
            count(List.of("不予公开"), "withheld", "[\"“]?不予公开[\"”]?" + GAP + "{0,6}?" + NUM + "件"),
            count(List.of("无法提供"), "unavailable", "[\"“]?无法提供[\"”]?" + GAP + "{0,6}?" + NUM + "件"),
            count(List.of("不予处理"), "not_processed", "[\"“]?不予处理[\"”]?" + GAP + "{0,6}?" + NUM + "件"),
            count(List.of("其他处理"), "other_handling", "[\"“]?其他处理[\"”]?" + GAP + "{0,6}?" + NUM + "件"),
            count(List.of("行政复议"), "review_cases", "行政复议" + GAP + "{0,4}?" + NUM + "件"),
            count(List.of("行政诉讼"), "litigation_cases", "行政诉讼" + GAP + "{0,4}?" + NUM + "件"),
            count(List.of("收费通知"), "fee_notices", "收费通知" + GAP + "{0,10}?" + NUM + "件"),
            flag(List.of("未收到", "未受理", "未接到", "没有收到", "没有受理", "没有接到", "零"), "no_applications_received",
                    "(?:未|没有)(?:收到|受理|接到)[^。;]{0,30}?(?:申请|请求)|依申请公开[^。;]{0,6}零"),
            flag(List.of("行政复议", "行政诉讼"), "no_review_or_litigation", "(?:未发生|没有发生|未收到|没有|无)[^。;]{0,30}?(?:行政复议|行政诉讼)"),
            flag(List.of("维持"), "all_upheld", "均(?:获|被|予以)?维持"),
            flag(List.of("收"), "no_fees_collected", "(?:未收取|不收取|无收取|没有收取|未收)[^。;]{0,20}?费"),
            flag(List.of("发出收费通知"), "no_fee_notices", "(?:无|未|没有)发出收费通知"));

    private static final Pattern FEES = Pattern
            .compile("(?:收取|收缴)[^。;,]{0,20}?(?:处理费|费用|收费)" + GAP + "{0,4}?" + NUM + "(万元|元)");
    private static final Pattern FEES_ALL_ZERO = Pattern.compile("收费通知的件数[^。;]{0,30}?均为" + NUM);
    private static final Pattern ENUMERATION = Pattern.compile("(\\d+)(条|件|项|篇|个)[。,:]?其中[,:]?");
    private static final Pattern ENUMERATION_TOTAL_CUE = Pattern.compile("共|累计|合计|总计|各类|主动公开|全年");
    private static final Pattern TOTAL_AFTER_PARTS = Pattern.compile("[,;]?(?:共计|合计|总计)(\\d+)(条|件|项|篇|个)[。;]?$");
    private static final Pattern PART = Pattern.compile("([^\\d、,;:。()]{1,25}?)(\\d+)(条|件|项|篇|个)");
    private static final Pattern NESTED_LIST = Pattern.compile("^(?:包括|含|包含)");
    private static final Pattern STATUS_WORD = Pattern.compile("^(?:已|均|共|合计|累计)|办结|答复|回复");

    private FactExtractor() {
    }

    /** The facts of a report's text, part by part (the text before part 一 counts as no part). */
    public static List<Fact> extract(String text, List<Section> sections) {
        List<Fact> facts = new ArrayList<>();
        collect(text, sections, facts);
        List<Fact> distinct = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Fact fact : facts) {
            if (seen.add(fact.name() + "@" + fact.start() + "=" + fact.value())) {
                distinct.add(fact);
            }
        }
        return distinct;
    }

    private static void collect(String text, List<Section> sections, List<Fact> facts) {
        int previousEnd = 0;
        int firstStart = sections.isEmpty() ? text.length() : sections.get(0).start();
        if (firstStart > 0) {
            extract(JoinedText.of(text, 0, firstStart), null, facts);
        }
        for (Section section : sections) {
            int from = Math.max(previousEnd, section.start());
            extract(JoinedText.of(text, from, section.end()), section.number(), facts);
            previousEnd = section.end();
        }
    }

    private static void extract(JoinedText joined, Integer section, List<Fact> facts) {
        String text = joined.text();
        for (Rule rule : RULES) {
            if (!rule.triggeredBy(text)) {
                continue;
            }
            Matcher m = rule.pattern().matcher(text);
            while (m.find()) {
                BigDecimal value = rule.flag() ? ONE : new BigDecimal(m.group(m.groupCount()));
                facts.add(fact(joined, rule.name(), value, section, m.start(), List.of()));
            }
        }
        Matcher fees = FEES.matcher(text);
        while (fees.find()) {
            BigDecimal value = new BigDecimal(fees.group(1));
            if ("万元".equals(fees.group(2))) {
                value = value.multiply(BigDecimal.valueOf(10_000));
            }
            facts.add(fact(joined, "fees_collected", value, section, fees.start(), List.of()));
        }
        Matcher allZero = FEES_ALL_ZERO.matcher(text);
        while (allZero.find()) {
            BigDecimal value = new BigDecimal(allZero.group(1));
            facts.add(fact(joined, "fee_notices", value, section, allZero.start(), List.of()));
            facts.add(fact(joined, "fees_collected", value, section, allZero.start(), List.of()));
        }
        enumerations(joined, section, facts);
    }

    private static void enumerations(JoinedText joined, Integer section, List<Fact> facts) {
        String text = joined.text();
        boolean totalWord = text.contains("共计") || text.contains("合计") || text.contains("总计");
        if (!text.contains("其中") && !totalWord) {
            return;
        }
        Matcher m = ENUMERATION.matcher(text);
        while (m.find()) {
            int clauseStart = Math.max(text.lastIndexOf(',', m.start()), text.lastIndexOf('。', m.start() - 1));
            clauseStart = Math.max(clauseStart, text.lastIndexOf(';', m.start()));
            String clause = text.substring(clauseStart + 1, m.start());
            if (!ENUMERATION_TOTAL_CUE.matcher(clause).find()) {
                continue;
            }
            int end = joined.fullSentenceEnd(m.end());
            List<Fact.FactPart> parts = parts(text.substring(m.end(), end));
            if (parts.size() >= 2) {
                facts.add(new Fact("enumeration", new BigDecimal(m.group(1)), section,
                        joined.evidence(clauseStart + 1, end), joined.originalStart(clauseStart + 1),
                        joined.originalEnd(end), parts));
            }
        }
        int sentence = 0;
        while (totalWord && sentence < text.length()) {
            int end = joined.sentenceEnd(sentence);
            String s = text.substring(sentence, end);
            Matcher total = TOTAL_AFTER_PARTS.matcher(s);
            if (total.find()) {
                List<Fact.FactPart> parts = parts(s.substring(0, total.start()));
                if (parts.size() >= 2) {
                    facts.add(new Fact("enumeration", new BigDecimal(total.group(1)), section,
                            joined.evidence(sentence, end), joined.originalStart(sentence), joined.originalEnd(end),
                            parts));
                }
            }
            sentence = end;
        }
    }

    /** The items "A N条" of a list; a nested list ("包括…") is skipped up to the next ";", a status word ends it. */
    private static List<Fact.FactPart> parts(String list) {
        List<Fact.FactPart> parts = new ArrayList<>();
        Matcher m = PART.matcher(list);
        int nestedEnd = -1;
        while (m.find()) {
            String label = m.group(1).replaceFirst("^(?:其中|以及|及|和)", "");
            if (NESTED_LIST.matcher(label).find()) {
                nestedEnd = list.indexOf(';', m.start());
                nestedEnd = nestedEnd < 0 ? list.length() : nestedEnd;
            }
            if (m.start() < nestedEnd) {
                continue;
            }
            if (STATUS_WORD.matcher(label).find()) {
                break;
            }
            parts.add(new Fact.FactPart(label, new BigDecimal(m.group(2))));
        }
        return parts;
    }

    private static Fact fact(JoinedText joined, String name, BigDecimal value, Integer section, int at,
            List<Fact.FactPart> parts) {
        int start = joined.sentenceStart(at);
        int end = joined.sentenceEnd(at);
        return new Fact(name, value, section, joined.evidence(start, end), joined.originalStart(start),
                joined.originalEnd(end), parts);
    }

    private static Rule count(List<String> triggers, String name, String regex) {
        return new Rule(name, triggers, Pattern.compile(regex), false);
    }

    private static Rule flag(List<String> triggers, String name, String regex) {
        return new Rule(name, triggers, Pattern.compile(regex), true);
    }

    /** A fact pattern; it runs only on text holding one of its trigger words, which keeps the scan cheap. */
    private record Rule(String name, List<String> triggers, Pattern pattern, boolean flag) {

        boolean triggeredBy(String text) {
            for (String trigger : triggers) {
                if (text.contains(trigger)) {
                    return true;
                }
            }
            return false;
        }
    }
}

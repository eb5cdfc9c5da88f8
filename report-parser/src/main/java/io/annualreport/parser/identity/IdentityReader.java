package io.annualreport.parser.identity;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.annualreport.model.report.Edition;
import io.annualreport.model.report.Identity;
import io.annualreport.parser.ParseHints;
import io.annualreport.parser.text.SourceLine;
import io.annualreport.parser.text.TextNormalizer;

/**
 * Finds who published a report and for which year: from the title (also a title split over two lines), else from
 * the body ("2020年,川汇区…局认真贯彻…", the statistical period), else from what the submitter declared.
 */
public final class IdentityReader {

    private static final int TITLE_SEARCH_LINES = 25;
    private static final Pattern AGENCY_YEAR = Pattern.compile("^(.+?)(\\d{4})年度?(?:政府信息公开|政务公开|信息公开).*$");
    private static final Pattern AGENCY_THEN_YEAR = Pattern.compile("^(.+?)(?:政府信息公开|政务公开|信息公开).*?(\\d{4})年度?.*报告$");
    private static final Pattern YEAR_THEN_AGENCY = Pattern.compile("^(\\d{4})年度?(.+?)(?:政府信息公开|信息公开)工作.*报告$");
    private static final Pattern AGENCY_NO_YEAR = Pattern.compile("^(.+?)(?:政府信息公开|政务公开|信息公开)工作.*报告$");
    private static final Pattern YEAR_ONLY = Pattern.compile("(\\d{4})年");
    private static final Pattern BODY_AGENCY = Pattern.compile(
            "(\\d{4})年度?[,，]?(?:在[^,，。]{2,12}下[,，])?([\\u4e00-\\u9fa5()（）]{2,30}?(?:管理局|委员会|办公室|办事处|人民政府|服务中心|中心|局|委|街道|镇|乡|厅|署|院))(?:认真|坚持|深入|严格|积极|全面|紧紧|以|在|按照|持续|高度|始终|进一步|围绕|结合|贯彻|根据|聚焦|不断)");
    private static final Pattern REPORT_OF = Pattern
            .compile("(?:现将|现公开|现公布|向社会公布|特向社会公布)([\\u4e00-\\u9fa5()（）]{2,30}?)(\\d{4})年度?(?:政府)?信息公开");
    private static final Pattern PERIOD = Pattern.compile("统计(?:期限|时限|时间|期间)[^。]{0,20}?(\\d{4})年1月1日");
    private static final Pattern REGION = Pattern.compile(
            "^((?:[\\u4e00-\\u9fa5]{2,7}?(?:省|自治区))?(?:[\\u4e00-\\u9fa5]{1,7}?(?:市|自治州|州|盟|地区))?(?:[\\u4e00-\\u9fa5]{1,8}?(?:县|区|旗))?)");
    private static final Pattern NOT_A_TITLE = Pattern.compile("^(?:本|根据|按照|依据|现将|当前位置|META|http).*");

    private IdentityReader() {
    }

    /**
     * Reads the identity.
     *
     * @param firstHeadingLine the line of the first part heading, or -1
     * @param part1Text the text up to the end of part 一 (preamble included), or the whole text when part 一 is missing
     */
    public static Identity read(List<SourceLine> lines, int firstHeadingLine, String part1Text, Edition edition,
            String editionFoundBy, ParseHints hints) {
        Map<String, String> foundBy = new HashMap<>();
        String title = null;
        String agency = null;
        Integer year = null;
        int limit = firstHeadingLine >= 0 ? firstHeadingLine : Math.min(lines.size(), TITLE_SEARCH_LINES);
        String previous = null;
        for (int i = 0; i < limit; i++) {
            String line = TextNormalizer.compact(lines.get(i).norm()).replaceAll("^#+|\\*", "");
            if (line.isEmpty()) {
                continue;
            }
            if (isTitle(line)) {
                String candidate = line;
                if ((line.matches("^\\d{4}年.*") || line.startsWith("政府信息公开")) && previous != null
                        && previous.length() <= 30 && !previous.matches(".*[,。:;].*")) {
                    candidate = previous + line;
                }
                String[] parsed = agencyAndYear(candidate);
                if (title == null || agency == null && parsed[0] != null) {
                    title = candidate;
                    agency = parsed[0];
                    year = parsed[1] == null ? null : Integer.valueOf(parsed[1]);
                }
                if (agency != null) {
                    break;
                }
            }
            previous = line;
        }
        if (agency != null) {
            foundBy.put("agency", "title");
        }
        if (year != null) {
            foundBy.put("year", "title");
        }
        String body = TextNormalizer.compact(part1Text);
        if (agency == null || year == null) {
            Matcher m = BODY_AGENCY.matcher(body);
            Matcher r = REPORT_OF.matcher(body);
            if (r.find() && !r.group(1).matches("^[我本全各该].*")) {
                agency = agency != null ? agency : put(foundBy, "agency", "body", r.group(1));
                year = year != null ? year : put(foundBy, "year", "body", Integer.valueOf(r.group(2)));
            } else if (m.find() && !m.group(2).matches("^[我本全各该].*")) {
                agency = agency != null ? agency : put(foundBy, "agency", "body", m.group(2));
                year = year != null ? year : put(foundBy, "year", "body", Integer.valueOf(m.group(1)));
            }
        }
        if (year == null) {
            Matcher m = PERIOD.matcher(body);
            if (m.find()) {
                year = put(foundBy, "year", "body", Integer.valueOf(m.group(1)));
            } else {
                year = dominantYear(body, foundBy);
            }
        }
        if (agency == null && hints.declaredAgency() != null) {
            agency = put(foundBy, "agency", "declared", hints.declaredAgency());
        }
        if (year == null && hints.declaredYear() != null) {
            year = put(foundBy, "year", "declared", hints.declaredYear());
        }
        String region = null;
        if (agency != null) {
            Matcher m = REGION.matcher(agency);
            if (m.find() && !m.group(1).isEmpty() && m.group(1).length() < agency.length()) {
                region = put(foundBy, "region", "agency", m.group(1));
            }
        }
        Edition resolved = edition;
        if (edition == Edition.UNKNOWN && year != null) {
            resolved = year >= 2021 ? Edition.E2021 : Edition.E2019;
            foundBy.put("edition", "report_year");
        } else {
            foundBy.put("edition", editionFoundBy);
        }
        return new Identity(title, agency, region, year, resolved, foundBy);
    }

    private static boolean isTitle(String line) {
        return line.length() <= 70 && line.contains("报告") && (line.contains("公开") || line.contains("年报"))
                && !line.contains("。") && !NOT_A_TITLE.matcher(line).matches();
    }

    /** Agency and year from a title in compact form; either may be null. */
    static String[] agencyAndYear(String title) {
        String t = title.replaceFirst("^关于", "");
        for (Pattern p : new Pattern[]{AGENCY_YEAR, AGENCY_THEN_YEAR}) {
            Matcher m = p.matcher(t);
            if (m.matches()) {
                return new String[]{cleanAgency(m.group(1)), m.group(2)};
            }
        }
        Matcher yearFirst = YEAR_THEN_AGENCY.matcher(t);
        if (yearFirst.matches()) {
            return new String[]{cleanAgency(yearFirst.group(2)), yearFirst.group(1)};
        }
        Matcher y = YEAR_ONLY.matcher(t);
        String year = y.find() ? y.group(1) : null;
        Matcher m = AGENCY_NO_YEAR.matcher(t);
        return new String[]{m.matches() ? cleanAgency(m.group(1)) : null, year};
    }

    private static String cleanAgency(String agency) {
        String a = agency.replaceAll("[\\s:,]+$", "");
        return a.length() >= 2 && !a.matches(".*\\d.*") ? a : null;
    }

    private static Integer dominantYear(String body, Map<String, String> foundBy) {
        Map<Integer, Integer> counts = new HashMap<>();
        Matcher m = YEAR_ONLY.matcher(body);
        while (m.find()) {
            counts.merge(Integer.valueOf(m.group(1)), 1, Integer::sum);
        }
        return counts.entrySet().stream().filter(e -> e.getKey() >= 2008 && e.getKey() <= 2100)
                .max(Map.Entry.comparingByValue()).map(e -> put(foundBy, "year", "body", e.getKey())).orElse(null);
    }

    private static <T> T put(Map<String, String> foundBy, String field, String how, T value) {
        foundBy.put(field, how);
        return value;
    }
}

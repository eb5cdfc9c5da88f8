package io.annualreport.parser.identity;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.annualreport.model.document.TextLine;
import io.annualreport.model.report.Identity;
import io.annualreport.model.template.Edition;
import io.annualreport.model.text.TextFolding;
import io.annualreport.parser.text.SourceLine;

/**
 * Finds who published a report and for which year: from the title (also a title split over two lines, after a token
 * such as "正文" or "标题:", never a line citing a notice or regulation in 《》), else from the body
 * ("2020年,川汇区…局认真贯彻…", the statistical period), else from what the submitter declared. Where the printed agency
 * is abbreviated and the body or the declaration names it in full, the full name is kept beside it. In a scan, the
 * submitter's form of the name replaces OCR's reading where they differ in a character or two of the place name
 * (OCR lacks rare characters such as 柞), and a title and body read one character apart are recorded as uncertain.
 */
public final class IdentityReader {

    private static final int TITLE_SEARCH_LINES = 25;
    /** An OCR word read with less confidence than this (0 to 100) is doubtful, as for table cells. */
    private static final float OCR_CONFIDENT = 80f;
    private static final Pattern AGENCY_YEAR = Pattern.compile("^(.+?)(\\d{4})年度?(?:政府信息公开|政务公开|信息公开).*$");
    private static final Pattern AGENCY_THEN_YEAR = Pattern.compile("^(.+?)(?:政府信息公开|政务公开|信息公开).*?(\\d{4})年度?.*报告$");
    private static final Pattern YEAR_THEN_AGENCY = Pattern.compile("^(\\d{4})年度?(.+?)(?:政府信息公开|信息公开)工作.*报告$");
    private static final Pattern AGENCY_NO_YEAR = Pattern.compile("^(.+?)(?:政府信息公开|政务公开|信息公开)工作.*报告$");
    private static final Pattern YEAR_ONLY = Pattern.compile("(\\d{4})年");
    private static final Pattern BODY_AGENCY = Pattern.compile(
            "(\\d{4})年度?[,，]?(?:在[^,，。]{2,30}[下中][,，])?([\\u4e00-\\u9fa5()（）]{2,30}?(?:管理局|委员会|办公室|办事处|人民政府|服务中心|中心|局|委|办|街道|镇|乡|厅|署|院|馆|所|站|队|处|会|社|公司|集团))(?:认真|坚持|深入|严格|积极|全面|紧紧|以|在|按照|持续|高度|始终|进一步|围绕|结合|贯彻|根据|聚焦|不断)");
    private static final Pattern REPORT_OF = Pattern
            .compile("(?:现将|现公开|现公布|向社会公布|特向社会公布)([\\u4e00-\\u9fa5()（）]{2,30}?)(\\d{4})年度?(?:政府)?信息公开");
    private static final Pattern REPORT_BY = Pattern.compile(
            "本(?:年度)?报告(?:由|是)([\\u4e00-\\u9fa5()（）]{2,30}?)(?:负责)?(?:编制|编写|制作|起草|发布|汇总编制|根据)");
    private static final Pattern QUOTED_TITLE = Pattern
            .compile("《([\\u4e00-\\u9fa5()（）]{2,30}?)(\\d{4})年度?(?:政府信息公开|政务公开|信息公开)工作[^》]{0,6}报告》");
    private static final String[] TITLE_PHRASES = {"政府信息公开工作年度报告", "政务公开工作年度报告", "信息公开工作年度报告"};
    private static final int PHRASE_TYPOS = 2;
    /** Marks OCR reads from specks and that no agency's name contains. */
    private static final Pattern OCR_SPECKS = Pattern.compile("[;；,，:：'‘’\"“”.。!！?？|_~`]");
    private static final Pattern PERIOD = Pattern.compile("统计(?:期限|时限|时间|期间)[^。]{0,20}?(\\d{4})年1月1日");
    private static final Pattern REGION = Pattern.compile(
            "^((?:[\\u4e00-\\u9fa5]{2,7}?(?:省|自治区))?(?:[\\u4e00-\\u9fa5]{1,7}?(?:市|自治州|州|盟|地区))?(?:[\\u4e00-\\u9fa5]{1,8}?(?:县|区|旗))?)");
    /** A token printed before the title: "正文", "附件1", a saved page's "标题:". */
    private static final Pattern JUNK_BEFORE_TITLE = Pattern
            .compile("^(?:正文|附件[0-9一二三四五六七八九十]{0,2}[:：]?|标题[:：])(?=.*(?:公开|报告))");
    /**
     * A line citing a document by its title in book-title marks (a notice, regulation, format), also cut before its
     * closing mark: not the title.
     */
    private static final Pattern CITES_DOCUMENT = Pattern.compile(".*《[^》]*(?:格式|通知|条例|规定|办法|意见).*");
    private static final Pattern NOT_A_TITLE = Pattern.compile("^(?:本|根据|按照|依据|现将|当前位置|META|http).*");

    private IdentityReader() {
    }

    /**
     * Reads the identity.
     *
     * @param firstHeadingLine the line of the first part heading, or -1
     * @param part1Text the text up to the end of part 一 (preamble included), or the whole text when part 一 is missing
     * @param declaredAgency the agency the submitter declared, used only where the text names none; may be null
     * @param declaredYear the year the submitter declared, used only where the text states none; may be null
     * @param fileName the submitted file's name, read as a title after the text and the declared values; may be null
     */
    public static Identity read(List<SourceLine> lines, int firstHeadingLine, String part1Text, Edition edition,
            String editionFoundBy, String declaredAgency, Integer declaredYear, String fileName) {
        Map<String, String> foundBy = new HashMap<>();
        String title = null;
        String agency = null;
        Integer year = null;
        int limit = firstHeadingLine >= 0 ? firstHeadingLine : Math.min(lines.size(), TITLE_SEARCH_LINES);
        int titleAt = -1;
        String previous = null;
        for (int i = 0; i < limit; i++) {
            String line = titleForm(lines.get(i));
            if (line.isEmpty()) {
                continue;
            }
            if (continuesParagraph(previous)) {
                // the rest of a sentence wrapped from the line above ("…要求，现将" / "XX局2024年…年度报告公布如下"), not a title
                previous = line;
                continue;
            }
            String candidate = isTitle(withTitlePhraseRepaired(line)) ? line : titleContinuedBelow(lines, i, limit);
            if (candidate != null) {
                if ((candidate.matches("^\\d{4}年.*") || candidate.startsWith("政府信息公开")) && isFragment(previous)) {
                    candidate = previous + candidate;
                }
                String[] parsed = agencyAndYear(withTitlePhraseRepaired(candidate));
                if (title == null || agency == null && parsed[0] != null) {
                    titleAt = i;
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
        String body = TextFolding.compact(part1Text);
        boolean scanned = readByOcr(lines);
        if (scanned && agency != null) {
            // OCR's specks inside a name ("宜阳县正阳街道;办事处"): no agency's name has these marks
            agency = OCR_SPECKS.matcher(agency).replaceAll("");
        }
        boolean scanDisagrees = false;
        if (agency != null && titleAt >= 0 && scanned) {
            // A title read by OCR: where the body names the agency one character apart (柞水县 read 梓水县 in the title,
            // 杆水县 in the body), the reading is uncertain; where the title was read with doubt, the body's printed
            // form is taken. Anything further apart is another agency, left alone.
            String[] stated = agencyAndYearInBody(body);
            if (stated != null && stated[0] != null && oneCharacterApart(agency, stated[0])) {
                scanDisagrees = true;
                if (readWithDoubt(lines, titleAt)) {
                    agency = stated[0];
                    foundBy.put("agency", "body");
                }
            }
        }
        if (agency == null || year == null) {
            String[] stated = agencyAndYearInBody(body);
            if (stated != null) {
                agency = agency != null || stated[0] == null ? agency : put(foundBy, "agency", "body", stated[0]);
                year = year != null || stated[1] == null
                        ? year
                        : put(foundBy, "year", "body", Integer.valueOf(stated[1]));
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
        String[] named = fileTitle(fileName);
        if (agency != null && scanned) {
            agency = OCR_SPECKS.matcher(agency).replaceAll("");
            // OCR cannot read a character its model lacks (柞 of 柞水县, 蠡 of 蠡县) and reads another in its place, in
            // every place the name is printed. Where the submitter's form of the name (declared, else the file's name)
            // differs from the reading only in the place name and by at most two characters, it is taken.
            String submitted = declaredAgency != null ? TextFolding.compact(declaredAgency) : named[0];
            if (submitted != null && !submitted.equals(agency) && differsOnlyInPlaceName(agency, submitted)) {
                agency = submitted;
                foundBy.put("agency", declaredAgency != null ? "declared_over_scan" : "file_name_over_scan");
                scanDisagrees = false;
            }
        }
        if (scanDisagrees) {
            foundBy.put("agencyScan", "title_body_differ");
        }
        if (agency == null && declaredAgency != null) {
            agency = put(foundBy, "agency", "declared", declaredAgency);
        }
        if (year == null && declaredYear != null) {
            year = put(foundBy, "year", "declared", declaredYear);
        }
        if (agency == null && named[0] != null) {
            agency = put(foundBy, "agency", "file_name", named[0]);
        }
        if (year == null && named[1] != null) {
            year = put(foundBy, "year", "file_name", Integer.valueOf(named[1]));
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
        String agencyFull = null;
        if (agency != null && !"declared".equals(foundBy.get("agency"))) {
            String[] stated = agencyAndYearInBody(body);
            if (stated != null && stated[0] != null && abbreviates(agency, stated[0])) {
                agencyFull = put(foundBy, "agencyFull", "body", stated[0]);
            } else if (declaredAgency != null && abbreviates(agency, TextFolding.compact(declaredAgency))) {
                agencyFull = put(foundBy, "agencyFull", "declared", declaredAgency);
            } else if (named[0] != null && abbreviates(agency, named[0])) {
                agencyFull = put(foundBy, "agencyFull", "file_name", named[0]);
            }
        }
        return new Identity(title, agency, region, year, resolved, foundBy, agencyFull);
    }

    /**
     * Whether a printed agency is a shortened form of a longer name: its characters appear in the longer one in order
     * and it ends as the longer one ends ("区发改委" of "老城区发展和改革委员会", "科技局" of "老城区科学技术局").
     */
    static boolean abbreviates(String printed, String full) {
        if (full.length() <= printed.length() || full.contains("我") || !isNamed(full)) {
            return false;
        }
        int at = 0;
        for (int i = 0; i < printed.length(); i++) {
            at = full.indexOf(printed.charAt(i), at);
            if (at < 0) {
                return false;
            }
            at++;
        }
        char last = printed.charAt(printed.length() - 1);
        return full.lastIndexOf(last) >= full.length() - 3;
    }

    /**
     * Whether the title (its line and the next, where a title wraps) holds a word OCR read with less confidence than
     * {@link #OCR_CONFIDENT}.
     */
    private static boolean readWithDoubt(List<SourceLine> lines, int titleAt) {
        for (int i = titleAt; i < Math.min(lines.size(), titleAt + 2); i++) {
            List<TextLine.TextRun> runs = lines.get(i).runs();
            if (runs != null && runs.stream().anyMatch(r -> r.confidence() != null && r.confidence() < OCR_CONFIDENT)) {
                return true;
            }
        }
        return false;
    }

    /** Two names of one length that differ in exactly one character. */
    /** Whether any line was read by OCR (its runs carry a confidence). */
    private static boolean readByOcr(List<SourceLine> lines) {
        for (SourceLine line : lines) {
            if (line.runs() != null && line.runs().stream().anyMatch(r -> r.confidence() != null)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether two forms of an agency name are the same but for at most two characters (substituted, added or dropped)
     * in the place name at the start, no more than one in four of the name's characters, with the same department
     * after it: 杆水县卫生健康委员会 and 柞水县卫生健康委员会, not 柞水县教育局 and 柞水县体育局.
     */
    static boolean differsOnlyInPlaceName(String read, String submitted) {
        Matcher m = REGION.matcher(submitted);
        int place = m.find() ? m.group(1).length() : 0;
        if (place == 0 || place == submitted.length()) {
            return false;
        }
        String department = submitted.substring(place);
        if (!read.endsWith(department) || read.length() == department.length()) {
            return false;
        }
        int distance = editDistance(read.substring(0, read.length() - department.length()),
                submitted.substring(0, place));
        return distance > 0 && distance <= 2 && distance * 4 <= submitted.length();
    }

    /** The Levenshtein distance of two short strings. */
    private static int editDistance(String a, String b) {
        int[] row = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            row[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int above = row[j];
                row[j] = Math.min(Math.min(row[j] + 1, row[j - 1] + 1),
                        diagonal + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.length()];
    }

    static boolean oneCharacterApart(String a, String b) {
        if (a.length() != b.length()) {
            return false;
        }
        int differences = 0;
        for (int i = 0; i < a.length(); i++) {
            if (a.charAt(i) != b.charAt(i)) {
                differences++;
            }
        }
        return differences == 1;
    }

    /** A line in the compact form titles are matched in: no whitespace, no Markdown heading marks or emphasis. */
    private static String titleForm(SourceLine line) {
        return JUNK_BEFORE_TITLE.matcher(TextFolding.compact(line.norm()).replaceAll("^#+|\\*", "")).replaceFirst("");
    }

    /**
     * A title whose words continue on the next one or two short lines ("…2023年政府信息公开工作" / "年度报告", also broken
     * inside a word: "…2020年政府信" / "息公开工作年度报告"), joined, or null. A following line that is a whole title by
     * itself, agency included, is never joined to a line above it.
     */
    private static String titleContinuedBelow(List<SourceLine> lines, int at, int limit) {
        String joined = titleForm(lines.get(at));
        if (!isFragment(joined) || !joined.contains("公开") && !joined.matches(".*\\d{4}年.*")) {
            return null;
        }
        int taken = 0;
        for (int j = at + 1; j < limit && taken < 2; j++) {
            String next = titleForm(lines.get(j));
            if (next.isEmpty()) {
                continue;
            }
            if (!isFragment(next) || isTitle(withTitlePhraseRepaired(next))
                    && agencyAndYear(withTitlePhraseRepaired(next))[0] != null) {
                return null;
            }
            joined += next;
            taken++;
            if (isTitle(withTitlePhraseRepaired(joined))) {
                return joined;
            }
        }
        return null;
    }

    /**
     * Whether a line is a paragraph's line cut by the page width: long, with sentence punctuation or a cited document
     * inside, and not ending a sentence; the next line continues it.
     */
    private static boolean continuesParagraph(String line) {
        return line != null && line.length() >= 20 && line.matches(".*[,，、《》].*") && !line.matches(".*[。:：!！?？]$");
    }

    /** A short line without sentence punctuation, as the pieces of a title broken over lines are. */
    private static boolean isFragment(String line) {
        return line != null && !line.isEmpty() && line.length() <= 30 && !line.matches(".*[,。:;，：；].*")
                && !NOT_A_TITLE.matcher(line).matches();
    }

    /**
     * The line with an OCR-garbled title phrase put right: a stretch that differs from "政府信息公开工作年度报告" (or the
     * shorter forms) in at most two characters, as "政俯信息公幵工作年度报告", is read as the phrase. The agency before it is
     * left as printed.
     */
    static String withTitlePhraseRepaired(String line) {
        for (String phrase : TITLE_PHRASES) {
            if (line.contains(phrase)) {
                return line;
            }
        }
        for (String phrase : TITLE_PHRASES) {
            for (int at = 0; at + phrase.length() <= line.length(); at++) {
                int typos = 0;
                for (int k = 0; k < phrase.length() && typos <= PHRASE_TYPOS; k++) {
                    if (line.charAt(at + k) != phrase.charAt(k)) {
                        typos++;
                    }
                }
                if (typos <= PHRASE_TYPOS) {
                    return line.substring(0, at) + phrase + line.substring(at + phrase.length());
                }
            }
        }
        return line;
    }

    /**
     * Agency and year as the body states them, either may be null; null when the body names no agency. In order:
     * "现将XX2023年政府信息公开工作年度报告…", "《XX2023年政府信息公开工作年度报告》", "本报告由XX编制", "2023年，（在…下，）XX认真…".
     */
    private static String[] agencyAndYearInBody(String body) {
        Matcher reportOf = REPORT_OF.matcher(body);
        if (reportOf.find() && isNamed(reportOf.group(1))) {
            return new String[]{reportOf.group(1), reportOf.group(2)};
        }
        Matcher quoted = QUOTED_TITLE.matcher(body);
        if (quoted.find() && isNamed(quoted.group(1))) {
            return new String[]{quoted.group(1), quoted.group(2)};
        }
        Matcher sentence = BODY_AGENCY.matcher(body);
        boolean sentenceNames = sentence.find() && isNamed(sentence.group(2));
        Matcher by = REPORT_BY.matcher(body);
        if (by.find() && isNamed(by.group(1))) {
            return new String[]{by.group(1), sentenceNames ? sentence.group(1) : null};
        }
        return sentenceNames ? new String[]{sentence.group(2), sentence.group(1)} : null;
    }

    /** Whether a body phrase names an agency rather than referring to one ("我局", "本机关", "全市", "各部门", "该局"). */
    private static boolean isNamed(String agency) {
        return !agency.matches("^[我本全各该].*");
    }

    private static boolean isTitle(String line) {
        return line.length() <= 70 && line.contains("报告") && (line.contains("公开") || line.contains("年报"))
                && !line.contains("。") && !NOT_A_TITLE.matcher(line).matches()
                && !CITES_DOCUMENT.matcher(line).matches();
    }

    /**
     * Agency and year from a file name that is a report's title ("附件1：某县某局2023年政府信息公开工作年度报告.pdf"), the
     * folder and extension left out; both null when the name is not a title ("report.pdf", "扫描件001.pdf").
     */
    static String[] fileTitle(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            return new String[2];
        }
        String name = fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceFirst("\\.[A-Za-z0-9]{1,5}$", "");
        String compact = TextFolding.compact(name).replaceAll("[_\\-—]+", "");
        compact = JUNK_BEFORE_TITLE.matcher(compact).replaceFirst("").replaceFirst("^\\d{6,}", "");
        if (!isTitle(compact)) {
            return new String[2];
        }
        return agencyAndYear(compact);
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
        // "2023年政府信息公开工作年度报告" leaves "政府" before "信息公开工作": a word of the phrase, not an agency
        boolean phraseWord = a.equals("政府") || a.equals("政务") || a.equals("度政府");
        return a.length() >= 2 && !phraseWord && !a.matches(".*\\d.*") ? a : null;
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

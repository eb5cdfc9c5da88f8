package io.annualreport.rules.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.annualreport.model.report.Cell;
import io.annualreport.model.report.Extraction;
import io.annualreport.model.report.ExtractionMethod;
import io.annualreport.model.report.ParseWarning;
import io.annualreport.model.report.ParsedReport;
import io.annualreport.model.report.PartReading;
import io.annualreport.model.report.ReadingReport;
import io.annualreport.model.report.ReadingStatus;
import io.annualreport.model.report.Section;
import io.annualreport.model.report.TableReading;
import io.annualreport.model.report.Unread;
import io.annualreport.model.report.UnreadReason;
import io.annualreport.model.template.RowDef;
import io.annualreport.model.template.TableId;
import io.annualreport.model.template.TemplateRegistry;
import io.annualreport.model.text.NarrativeText;
import io.annualreport.model.text.TextFolding;

/**
 * What of a report was read, what is there but unread, and what the document positively lacks. Built from the
 * parser's {@link ReadingReport} where the event has one; otherwise (older events) inferred from the parser's
 * warnings and a fuzzy search of the text for the parts' headings, the tables' labels, numbers no row took and image
 * markers. Only what is {@link ReadingStatus#ABSENT} may be reported as missing; only certain cells may prove an
 * error.
 */
public final class Coverage {

    private static final String NUMERALS = "一二三四五六";
    /** What a heading of each part says, in the national form, known variants and regional layouts. */
    private static final Pattern[] PART_WORDS = {
            Pattern.compile("总体情况|基本情况|总体概况|工作概况|概述|总体|综述"),
            Pattern.compile("主动公开"),
            Pattern.compile("收到和处理|收到与处理|依申请公开|政府信息公开申请|申请公开|申请的?(?:情况|办理|处理)"),
            Pattern.compile("行政复议|行政诉讼|复议|诉讼"),
            Pattern.compile("存在的?主要问题|存在问题|主要问题|问题|改进"),
            Pattern.compile("其[他它].{0,6}(?:事项|报告|汇报)|^其[他它]$")};
    /** The long forms, matched with one character wrong (OCR confusions). */
    private static final String[][] PART_PHRASES = {{"总体情况"}, {"主动公开政府信息情况", "主动公开政府信息"},
            {"收到和处理政府信息公开申请情况", "收到和处理政府信息公开申请"}, {"政府信息公开行政复议", "行政复议、行政诉讼"},
            {"存在的主要问题及改进情况", "存在的主要问题"}, {"其他需要报告的事项", "其他需要报告"}};
    /** A heading's numbering: 一、 1. 第一部分 (sub-headings such as （一） are not parts). */
    private static final Pattern NUMBERING = Pattern
            .compile("^(?:第[一二三四五六七八九十]+部分[、.:：]?|[一二三四五六七八九十]+[、.．:：]|\\d{1,2}[、.．:：]|#+)");
    private static final Pattern IMAGE_MARKER = Pattern.compile(
            "!\\[|<img|\\[(?:图片|图像|表格|image|img)[^\\]]{0,12}\\]|（(?:图片|见图|表格为图片)[^）]{0,12}）|图片表格|表格图片",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMBER = Pattern.compile("(?<![\\d.])\\d+(?:\\.\\d+)?(?![\\d.])");
    private static final Pattern DATE_LINE = Pattern.compile(".*\\d{4}年\\d{1,2}月\\d{1,2}日$");
    private static final Pattern SIGNATURE = Pattern
            .compile(".{2,30}(?:局|委|办|院|府|厅|会|室|处|中心|部|所|馆|站|队|公司|政府|街道|镇|乡|办事处|委员会)$");
    private static final String[] T2_WORDS = {"第二十条", "信息内容", "本年制发件数", "本年新制作数量", "行政许可", "行政处罚",
            "本年处理决定数量", "本年收费金额"};
    private static final String[] T3_WORDS = {"申请人情况", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "本年新收",
            "上年结转", "办理结果", "予以公开", "部分公开", "不予公开", "无法提供", "不予处理", "结转下年度", "勾稽关系"};
    private static final String[] T4_WORDS = {"结果维持", "结果纠正", "尚未审结", "直接起诉", "复议后起诉", "其他结果"};
    private static final Set<String> ROW_TRACE_CODES = Set.of("ROW_UNREADABLE", "ROW_WITHOUT_VALUES",
            "ROW_LABEL_UNRECOGNISED", "CELLS_PLACED_BY_POSITION");

    private final ParsedReport report;
    private final Set<String> expected = new HashSet<>();
    private final TableView tables;
    private final TextView text;
    private final ReadingReport reading;
    private final boolean fileComplete;
    /**
     * Whether an absence can be proven from this text: the file is complete and its text was not read by OCR (a
     * heading or label garbled by OCR beyond recognition leaves no trace, yet it is printed on the page).
     */
    private final boolean absenceProvable;
    private final String[] lines;
    private final ReadingStatus[] parts = new ReadingStatus[7];
    private final Map<String, ReadingStatus> tableStatus = new HashMap<>();
    private final Map<String, ReadingStatus> rowStatus = new HashMap<>();
    private final Map<String, String> doubts = new HashMap<>();
    private final Set<String> warnedRows = new HashSet<>();
    private Boolean orphanT3Numbers;

    private Coverage(RuleInput in) {
        this.report = in.report();
        TemplateRegistry.cells(in.edition()).forEach(d -> expected.add(d.key()));
        this.tables = in.tables();
        this.text = in.text();
        this.reading = report.reading();
        String raw = report.text() == null ? "" : report.text();
        this.lines = raw.split("\n");
        // Complete only when the extractor saw the whole file (the reading report) and the text ends as a report ends
        // (part 六, or a closing line): a text cut at a sentence end inside part 五 looks whole to the extractor.
        boolean endsAsAReport = in.text().section(6) != null || looksComplete(lines);
        this.fileComplete = (reading == null || reading.fileComplete()) && endsAsAReport;
        this.absenceProvable = fileComplete && !readByOcr(report.extraction());
        if (report.parseWarnings() != null) {
            for (ParseWarning w : report.parseWarnings()) {
                if (w.subject() == null || w.code() == null) {
                    continue;
                }
                if (ROW_TRACE_CODES.contains(w.code())) {
                    warnedRows.add(w.subject());
                }
                if (reading == null) {
                    inferDoubt(w);
                }
            }
        }
    }

    private static boolean readByOcr(Extraction extraction) {
        if (extraction == null) {
            return false;
        }
        return extraction.method() == ExtractionMethod.OCR || extraction.pageMethods() != null
                && extraction.pageMethods().stream().anyMatch(p -> p.method() == ExtractionMethod.OCR);
    }

    /** The coverage of one report. */
    static Coverage of(RuleInput in) {
        return new Coverage(in);
    }

    /** Whether the parser sent a reading report (events of older parsers have none). */
    public boolean hasReading() {
        return reading != null;
    }

    /** Whether the file is complete: from the reading report, else from how the text ends. */
    public boolean fileComplete() {
        return fileComplete;
    }

    /** Why the identity (agency, year) is uncertain; empty when it is certain. */
    public List<String> identityDoubts() {
        List<String> out = new ArrayList<>();
        if (reading != null) {
            out.addAll(reading.identityDoubts());
        }
        if (report.identity() == null || report.identity().agency() == null
                || report.identity().agency().isBlank()) {
            out.add("未能确定发布机关");
        }
        if (report.identity() == null || report.identity().year() == null) {
            out.add("未能确定报告年度");
        }
        return out;
    }

    /** What the reading report or the extractor says about damage to the file; empty when none. */
    public List<String> damage() {
        List<String> out = new ArrayList<>();
        if (reading != null) {
            out.addAll(reading.damage());
        }
        if (!fileComplete && out.isEmpty()) {
            out.add("文件不完整或已损坏，部分内容未能读取");
        }
        return out;
    }

    /**
     * One of the six parts (1–6): READ when the parser split it out; otherwise PRESENT_UNREAD when there is any trace
     * of it (a heading in a variant, a regional numbering, OCR confusion, its table) or the file is incomplete, and
     * ABSENT only when a complete file has no trace of it.
     */
    public ReadingStatus part(int number) {
        ReadingStatus cached = parts[number];
        if (cached != null) {
            return cached;
        }
        ReadingStatus status;
        if (text.section(number) != null) {
            status = ReadingStatus.READ;
        } else {
            PartReading pr = reading == null ? null : reading.part(number);
            boolean saidAbsent = pr == null || pr.status() == ReadingStatus.ABSENT;
            if (pr != null && !saidAbsent) {
                status = ReadingStatus.PRESENT_UNREAD;
            } else {
                status = absenceProvable && saidAbsent && !partTrace(number)
                        ? ReadingStatus.ABSENT
                        : ReadingStatus.PRESENT_UNREAD;
            }
        }
        parts[number] = status;
        return status;
    }

    /**
     * A statistical table ({@code t2}, {@code t3}, {@code t4}): READ when cells were read (PARTLY_READ when the
     * reading report says so), PRESENT_UNREAD when there is a trace of it, ABSENT when a complete file has none.
     */
    public ReadingStatus table(String prefix) {
        return tableStatus.computeIfAbsent(prefix, this::tableStatusOf);
    }

    private ReadingStatus tableStatusOf(String prefix) {
        TableReading tr = reading == null ? null : reading.table(tableId(prefix));
        if (tables.hasTable(prefix)) {
            return tr != null && tr.status() == ReadingStatus.PARTLY_READ
                    ? ReadingStatus.PARTLY_READ
                    : ReadingStatus.READ;
        }
        boolean saidAbsent = tr == null || tr.status() == ReadingStatus.ABSENT;
        if (tr != null && !saidAbsent) {
            return ReadingStatus.PRESENT_UNREAD;
        }
        return absenceProvable && !tableTrace(prefix) ? ReadingStatus.ABSENT : ReadingStatus.PRESENT_UNREAD;
    }

    /** A row of T3 by key: READ when any of its cells was read, else PRESENT_UNREAD or ABSENT as for a table. */
    public ReadingStatus t3Row(String row) {
        return rowStatus.computeIfAbsent(row, this::t3RowStatusOf);
    }

    private ReadingStatus t3RowStatusOf(String row) {
        if (tables.hasT3Row(row)) {
            return ReadingStatus.READ;
        }
        if (!absenceProvable || table("t3") == ReadingStatus.PRESENT_UNREAD || warnedRows.contains("t3." + row)) {
            return ReadingStatus.PRESENT_UNREAD;
        }
        Unread unread = unreadOf("t3." + row);
        if (unread != null && unread.reason() != UnreadReason.NO_LABEL) {
            return ReadingStatus.PRESENT_UNREAD;
        }
        RowDef def = TemplateRegistry.t3RowsAllEditions().stream().filter(r -> r.key().equals(row)).findFirst()
                .orElse(null);
        if (def == null || rowLabelTrace(def) || orphanT3Numbers() || image(3)) {
            return ReadingStatus.PRESENT_UNREAD;
        }
        return ReadingStatus.ABSENT;
    }

    /**
     * Why a cell the rules need was not read, in Chinese, or null when it was read or the document positively lacks
     * it (its table or row absent from a complete file).
     */
    public String unread(String key) {
        if (tables.cells().containsKey(key) || !expected.contains(key)) {
            return null;
        }
        String prefix = key.length() > 2 ? key.substring(0, 2) : key;
        ReadingStatus t = table(prefix);
        if (t == ReadingStatus.ABSENT) {
            return null;
        }
        String row = rowOf(key);
        if (prefix.equals("t3") && row != null && (t3Row(row) == ReadingStatus.ABSENT || otherShape(row))) {
            return null;
        }
        Unread unread = unreadOf(key);
        if (unread == null && row != null) {
            unread = unreadOf(prefix + "." + row);
        }
        String why = unread == null ? null : reasonZh(unread.reason());
        if (why == null) {
            why = !fileComplete ? "文件不完整" : t == ReadingStatus.PRESENT_UNREAD ? "表格有迹象但未能读出" : "有迹象但未能读出";
        }
        return label(key) + "未读出（" + why + "）";
    }

    /** Why a read cell is doubtful, in Chinese, or null when it is certain. */
    public String doubt(String key) {
        Cell cell = tables.cells().get(key);
        if (cell == null) {
            return null;
        }
        if (!cell.isCertain()) {
            return label(key) + "读取存疑（" + doubtZh(cell) + "）";
        }
        String inferred = doubts.get(key);
        if (inferred == null) {
            String row = rowOf(key);
            inferred = row == null ? null : doubts.get(key.substring(0, 2) + "." + row);
        }
        return inferred == null ? null : label(key) + "读取存疑（" + inferred + "）";
    }

    /** The label of a cell for messages: 表三“（一）予以公开”行“自然人”列, or the key. */
    public static String label(String key) {
        return TemplateRegistry.cell(key).map(d -> {
            String table = key.startsWith("t2") ? "表二" : key.startsWith("t3") ? "表三" : "表四";
            String row = d.row() == null ? "" : "“" + d.row().label() + "”行";
            String column = d.column() == null ? "" : "“" + d.column().label() + "”列";
            return table + row + column;
        }).orElse(key);
    }

    /**
     * Whether a column or group label of a table ({@code 法律服务机构}, {@code 复议后起诉}) has a trace in its part (or in
     * the whole text when the part was not split out), or the file is incomplete: then cells under it that were not
     * read are unread, not absent.
     */
    public boolean labelTrace(int part, String label) {
        return !absenceProvable || image(part) || fuzzyContains(partBody(part), NarrativeText.compact(label));
    }

    /** Whether a part's text carries an image marker (a table printed as a picture). */
    public boolean image(int part) {
        Section s = text.section(part);
        return s != null && s.text() != null && IMAGE_MARKER.matcher(s.text()).find();
    }

    /** Whether 三(六) is printed in the other edition's shape, so that this edition's 三(六) rows are not expected. */
    private boolean otherShape(String row) {
        boolean subRow = row.equals("other_no_correction") || row.equals("other_fee_unpaid")
                || row.equals("other_other");
        if (subRow) {
            return tables.hasT3Row("other_handling");
        }
        return row.equals("other_handling") && (tables.hasT3Row("other_no_correction")
                || tables.hasT3Row("other_fee_unpaid") || tables.hasT3Row("other_other"));
    }

    private Unread unreadOf(String subject) {
        if (reading == null) {
            return null;
        }
        for (TableReading t : reading.tables()) {
            for (Unread u : t.unread()) {
                if (subject.equals(u.subject())) {
                    return u;
                }
            }
        }
        return null;
    }

    private void inferDoubt(ParseWarning w) {
        String why = switch (w.code()) {
            case "ROW_LABEL_UNRECOGNISED" -> "行标签无法识别，按位置对应";
            case "CELLS_PLACED_BY_POSITION" -> "列位置由数字个数推断";
            case "EXTRA_TRAILING_ZERO" -> "读取时删去了多余的0";
            default -> null;
        };
        if (why != null) {
            doubts.put(w.subject(), why);
        }
    }

    private static String rowOf(String key) {
        int first = key.indexOf('.');
        int last = key.lastIndexOf('.');
        return first > 0 && last > first ? key.substring(first + 1, last) : null;
    }

    private static TableId tableId(String prefix) {
        for (TableId id : TableId.values()) {
            if (id.prefix().equals(prefix)) {
                return id;
            }
        }
        return null;
    }

    private static String reasonZh(UnreadReason reason) {
        return reason.label();
    }

    private static String doubtZh(Cell cell) {
        if (cell.doubt() == null) {
            return "读取不确定";
        }
        return cell.doubt().label();
    }

    /** A heading-like line of the part, its table read, or its table's labels in the text. */
    private boolean partTrace(int number) {
        for (String line : lines) {
            if (headingOf(line, number)) {
                return true;
            }
        }
        return number >= 2 && number <= 4 && tables.hasTable("t" + number);
    }

    private static boolean headingOf(String line, int number) {
        if (line.indexOf('\t') >= 0 || line.indexOf('|') >= 0 || line.length() > 200) {
            return false;
        }
        String c = TextFolding.compact(line).replace('(', '（').replace(')', '）');
        c = c.replaceFirst("^[*>\\-]+", "");
        if (c.isEmpty() || c.length() > 48 || c.startsWith("（")) {
            return false;
        }
        java.util.regex.Matcher numbering = NUMBERING.matcher(c);
        boolean numbered = numbering.find();
        String title = numbered ? c.substring(numbering.end()).replaceFirst("^[、.．:：]+", "") : c;
        title = title.replaceAll("[*:：。]+$", "");
        if (title.isEmpty() || title.length() > 30 || countNumbers(title) >= 2 || title.contains("，")) {
            return false;
        }
        if (!numbered && title.length() > 16) {
            return false;
        }
        if (PART_WORDS[number - 1].matcher(title).find()) {
            return true;
        }
        for (String phrase : PART_PHRASES[number - 1]) {
            if (fuzzyContains(title, phrase)) {
                return true;
            }
        }
        return false;
    }

    private boolean tableTrace(String prefix) {
        int part = prefix.charAt(1) - '0';
        if (image(part)) {
            return true;
        }
        String body = partBody(part);
        String[] words = part == 2 ? T2_WORDS : part == 3 ? T3_WORDS : T4_WORDS;
        for (String w : words) {
            if (fuzzyContains(body, w)) {
                return true;
            }
        }
        return part == 3 && orphanT3Numbers();
    }

    /** The compact text of a part, or of the whole report when the part was not split out. */
    private String partBody(int part) {
        String body = text.compactSection(part);
        return body.isEmpty() ? text.compactText() : body;
    }

    private boolean rowLabelTrace(RowDef row) {
        String body = partBody(3);
        List<String> needles = new ArrayList<>();
        needles.add(stripNumbering(row.label()));
        needles.add(row.label());
        row.variants().forEach(v -> needles.add(stripNumbering(v)));
        needles.addAll(row.keywords());
        for (String n : needles) {
            String folded = NarrativeText.compact(n);
            if (folded.length() >= 3 && fuzzyContains(body, folded)) {
                return true;
            }
        }
        return false;
    }

    private static String stripNumbering(String label) {
        return label.replaceFirst("^(?:\\d+[.．、]|[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、)", "");
    }

    /**
     * Whether part 三 has more lines of five to twelve numbers (T3 rows as printed) than T3 rows were read: rows
     * printed but not read, e.g. under a garbled label.
     */
    private boolean orphanT3Numbers() {
        if (orphanT3Numbers != null) {
            return orphanT3Numbers;
        }
        Set<String> rowsRead = new HashSet<>();
        for (String key : tables.cells().keySet()) {
            String row = key.startsWith("t3.") ? rowOf(key) : null;
            if (row != null) {
                rowsRead.add(row);
            }
        }
        Section s = text.section(3);
        String body = s == null ? String.join("\n", lines) : s.text() == null ? "" : s.text();
        int numberLines = 0;
        for (String line : body.split("\n")) {
            int n = countNumbers(line);
            if (n >= 5 && n <= 12) {
                numberLines++;
            }
        }
        orphanT3Numbers = numberLines > rowsRead.size();
        return orphanT3Numbers;
    }

    private static int countNumbers(String s) {
        int n = 0;
        java.util.regex.Matcher m = NUMBER.matcher(s);
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** Whether the text contains the phrase, or, for a phrase of six characters or more, it with one wrong. */
    static boolean fuzzyContains(String text, String phrase) {
        if (text.contains(phrase)) {
            return true;
        }
        int m = phrase.length();
        if (m < 6 || text.length() < m) {
            return false;
        }
        for (int i = 0; i + m <= text.length(); i++) {
            int wrong = 0;
            for (int j = 0; j < m && wrong <= 1; j++) {
                if (text.charAt(i + j) != phrase.charAt(j)) {
                    wrong++;
                }
            }
            if (wrong <= 1) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the text ends as a report ends: the last line a sentence, a date or a signature. A file cut in the
     * middle of a sentence or a table is incomplete; so is an excerpt marked as truncated.
     */
    static boolean looksComplete(String[] lines) {
        for (int i = lines.length - 1; i >= 0; i--) {
            String c = TextFolding.compact(lines[i]).replaceAll("[*#>]+", "");
            if (c.isEmpty() || c.matches("-?\\d{1,3}-?|第\\d+页.*")) {
                continue;
            }
            if (c.contains("TRUNCATED") || c.contains("截断")) {
                return false;
            }
            if (c.matches("[（(]?(?:无|暂无|没有)[）)]?[。.]?")) {
                return true;
            }
            char last = c.charAt(c.length() - 1);
            return "。！？!?；;）)”\"」』".indexOf(last) >= 0 || DATE_LINE.matcher(c).matches()
                    || SIGNATURE.matcher(c).matches() && c.matches("[^，,。：:；;、]+");
        }
        return true;
    }

    static String numeral(int part) {
        return String.valueOf(NUMERALS.charAt(part - 1));
    }
}

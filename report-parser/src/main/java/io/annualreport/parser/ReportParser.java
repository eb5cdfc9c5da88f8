package io.annualreport.parser;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.annualreport.model.document.ExtractedDocument;
import io.annualreport.model.report.Cell;
import io.annualreport.model.report.CellSemantic;
import io.annualreport.model.report.Edition;
import io.annualreport.model.report.Identity;
import io.annualreport.model.report.ParseWarning;
import io.annualreport.model.report.ParsedReport;
import io.annualreport.model.report.Section;
import io.annualreport.model.template.ColumnDef;
import io.annualreport.model.template.RowDef;
import io.annualreport.model.template.TemplateRegistry;

/** Reads extracted text into the canonical report model: identity, edition, the six parts and table cells. */
public final class ReportParser {

    /** Version of the parser, recorded with every parse run. */
    public static final String VERSION = "0.1.0";

    private static final Pattern HEADING = Pattern.compile("^[#\\s]*([一二三四五六])\\s*[、.．,，]\\s*(\\S.*)$");
    private static final String[][] PART_KEYWORDS = {
            {"总体情况"},
            {"主动公开"},
            {"收到和处理", "申请情况"},
            {"行政复议", "行政诉讼"},
            {"存在的主要问题", "问题"},
            {"其他需要报告", "其他需要"}};
    private static final Pattern YEAR = Pattern.compile("(20\\d{2})\\s*年");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\d.])\\d+(?:\\.\\d+)?(?![\\d.])");

    /** Parses one extracted document. */
    public ParsedReport parse(ExtractedDocument document, ParseHints hints) {
        String text = document.text();
        String[] lines = text.split("\n", -1);
        List<ParseWarning> warnings = new ArrayList<>();
        List<Section> sections = sections(text, lines, warnings);
        Identity identity = identity(lines, text, hints);
        Map<String, Cell> cells = t3Cells(lines, sections, identity.edition(), warnings);
        return new ParsedReport(identity, sections, cells, List.of(), document.extraction(), warnings, text);
    }

    private static List<Section> sections(String text, String[] lines, List<ParseWarning> warnings) {
        int[] starts = new int[6];
        String[] headings = new String[6];
        java.util.Arrays.fill(starts, -1);
        int offset = 0;
        int next = 0;
        for (String line : lines) {
            Matcher m = HEADING.matcher(line);
            if (next < 6 && m.matches()) {
                int number = "一二三四五六".indexOf(m.group(1));
                if (number >= next && containsAny(m.group(2), PART_KEYWORDS[number])) {
                    starts[number] = offset;
                    headings[number] = line.strip().replaceFirst("^#+\\s*", "");
                    next = number + 1;
                }
            }
            offset += line.length() + 1;
        }
        List<Section> sections = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            if (starts[i] < 0) {
                warnings.add(new ParseWarning("SECTION_MISSING", "section." + (i + 1), "part " + (i + 1)
                        + " heading not found"));
                continue;
            }
            int end = text.length();
            for (int j = i + 1; j < 6; j++) {
                if (starts[j] >= 0) {
                    end = starts[j];
                    break;
                }
            }
            int bodyStart = Math.min(end, text.indexOf('\n', starts[i]) < 0 ? end : text.indexOf('\n', starts[i]) + 1);
            sections.add(new Section(i + 1, headings[i], text.substring(bodyStart, end).strip(), starts[i], end));
        }
        return sections;
    }

    private static Identity identity(String[] lines, String text, ParseHints hints) {
        Map<String, String> foundBy = new HashMap<>();
        String title = null;
        for (String line : lines) {
            String s = line.strip().replaceFirst("^#+\\s*", "");
            if (!s.isEmpty() && s.contains("报告") && s.length() < 80) {
                title = s;
                break;
            }
        }
        String agency = null;
        Integer year = null;
        if (title != null) {
            Matcher m = YEAR.matcher(title);
            if (m.find()) {
                year = Integer.parseInt(m.group(1));
                foundBy.put("year", "title");
                String before = title.substring(0, m.start()).strip();
                if (!before.isEmpty()) {
                    agency = before;
                    foundBy.put("agency", "title");
                }
            }
        }
        if (agency == null && hints.declaredAgency() != null) {
            agency = hints.declaredAgency();
            foundBy.put("agency", "declared");
        }
        if (year == null && hints.declaredYear() != null) {
            year = hints.declaredYear();
            foundBy.put("year", "declared");
        }
        Edition edition = edition(text);
        foundBy.put("edition", "markers");
        return new Identity(title, agency, null, year, edition, foundBy);
    }

    private static Edition edition(String text) {
        boolean newer = containsAny(text, "本年制发件数", "现行有效件数", "本年收费金额", "逾期不补正");
        boolean older = containsAny(text, "本年新制作数量", "对外公开总数量", "上一年项目数量", "政府集中采购");
        if (newer && older) {
            return Edition.MIXED;
        }
        return newer ? Edition.E2021 : older ? Edition.E2019 : Edition.UNKNOWN;
    }

    private static Map<String, Cell> t3Cells(String[] lines, List<Section> sections, Edition edition,
            List<ParseWarning> warnings) {
        Map<String, Cell> cells = new LinkedHashMap<>();
        Section part3 = sections.stream().filter(s -> s.number() == 3).findFirst().orElse(null);
        if (part3 == null) {
            return cells;
        }
        int lineIndex = lineOf(lines, part3.start()) + 1;
        int endLine = lineOf(lines, part3.end());
        List<ColumnDef> columns = TemplateRegistry.t3Columns();
        for (RowDef row : TemplateRegistry.t3Rows(edition)) {
            int found = -1;
            for (int i = lineIndex; i < endLine && found < 0; i++) {
                if (containsAny(lines[i], row.keywords().toArray(String[]::new))) {
                    found = i;
                }
            }
            if (found < 0) {
                warnings.add(new ParseWarning("ROW_MISSING", "t3." + row.key(), "row not found: " + row.label()));
                continue;
            }
            List<String> numbers = numbers(lines[found]);
            int used = found;
            if (numbers.size() < columns.size() && found + 1 < endLine) {
                numbers.addAll(numbers(lines[found + 1]));
                used = found + 1;
            }
            if (numbers.size() < columns.size()) {
                warnings.add(new ParseWarning("ROW_UNREADABLE", "t3." + row.key(), "fewer than 7 numbers"));
                continue;
            }
            List<String> last = numbers.subList(numbers.size() - columns.size(), numbers.size());
            for (int c = 0; c < columns.size(); c++) {
                BigDecimal value = new BigDecimal(last.get(c));
                cells.put(TemplateRegistry.t3(row.key(), columns.get(c).key()), new Cell(value, last.get(c),
                        value.signum() == 0 ? CellSemantic.ZERO : CellSemantic.NUMERIC, null, used + 1, lines[used]));
            }
            lineIndex = used + 1;
        }
        return cells;
    }

    private static List<String> numbers(String line) {
        String cleaned = line.replaceAll("[（(][一二三四五六七八九十]+[)）]", " ").replaceAll("^\\s*\\d+[.．、]", " ");
        List<String> out = new ArrayList<>();
        Matcher m = NUMBER.matcher(cleaned);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static int lineOf(String[] lines, int offset) {
        int pos = 0;
        for (int i = 0; i < lines.length; i++) {
            pos += lines[i].length() + 1;
            if (pos > offset) {
                return i;
            }
        }
        return lines.length;
    }

    private static boolean containsAny(String s, String... needles) {
        for (String n : needles) {
            if (s.contains(n)) {
                return true;
            }
        }
        return false;
    }
}

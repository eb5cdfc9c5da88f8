package io.annualreport.parser.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

import io.annualreport.model.document.TableGrid;
import io.annualreport.model.document.TextLine;
import io.annualreport.model.report.Cell;
import io.annualreport.model.report.LinePosition;
import io.annualreport.model.text.TextFolding;

/** Splits extracted text into source lines and attaches page numbers from positioned lines where they exist. */
public final class DocumentLines {

    private static final int MATCH_LOOKAHEAD = 10;
    private static final Pattern VALUE_CELL = Pattern.compile("^(?:[增减+-]?\\d[\\d,.]*(?:万元|元|万)?|[/\\-—–]+)$");

    private DocumentLines() {
    }

    /**
     * The lines of a text, with pages taken from the positioned lines when they are given. A line without a positioned
     * twin takes the page of its neighbours when the matched lines before and after it are on the same page, and
     * otherwise, where the text marks page breaks with form feeds (as PDF text extraction does), the page counted from
     * them.
     */
    public static List<SourceLine> of(String text, List<TextLine> positioned) {
        String[] raw = text.split("\n", -1);
        TextLine[] matched = match(raw, positioned);
        Integer[] pages = pages(raw, matched);
        List<SourceLine> lines = new ArrayList<>(raw.length);
        for (int i = 0; i < raw.length; i++) {
            TextLine line = matched[i];
            List<TextLine.TextRun> runs = line == null || line.runs() == null || line.runs().isEmpty()
                    ? null
                    : line.runs();
            lines.add(SourceLine.of(i, raw[i], pages[i], null, runs));
        }
        return lines;
    }

    /**
     * Where each text line that one of the cells was read from stands on its page: the baseline of its positioned twin
     * (matched as in {@link #of}), for the lines that have one; in line order. Empty when extraction gave no positions.
     */
    public static List<LinePosition> positionsOf(String text, List<TextLine> positioned, Collection<Cell> cells) {
        if (positioned == null || positioned.isEmpty() || cells == null || cells.isEmpty()) {
            return List.of();
        }
        TreeSet<Integer> wanted = new TreeSet<>();
        for (Cell cell : cells) {
            if (cell != null && cell.line() != null) {
                wanted.add(cell.line());
            }
        }
        if (wanted.isEmpty()) {
            return List.of();
        }
        TextLine[] matched = match(text.split("\n", -1), positioned);
        List<LinePosition> positions = new ArrayList<>(wanted.size());
        for (int line : wanted) {
            TextLine twin = line >= 1 && line <= matched.length ? matched[line - 1] : null;
            if (twin != null && twin.page() >= 1 && Float.isFinite(twin.y()) && twin.y() >= 0) {
                positions.add(new LinePosition(line, twin.page(), twin.y()));
            }
        }
        return positions;
    }

    private static Integer[] pages(String[] raw, TextLine[] matched) {
        Integer[] pages = new Integer[raw.length];
        int lastMatched = -1;
        for (int i = 0; i < raw.length; i++) {
            if (matched[i] == null) {
                continue;
            }
            pages[i] = matched[i].page();
            if (lastMatched >= 0 && i - lastMatched > 1 && pages[i] != null && pages[i].equals(pages[lastMatched])) {
                for (int k = lastMatched + 1; k < i; k++) {
                    pages[k] = pages[i];
                }
            }
            lastMatched = i;
        }
        boolean formFeeds = false;
        for (String line : raw) {
            formFeeds |= line.indexOf('\f') >= 0;
        }
        if (formFeeds) {
            int page = 1;
            for (int i = 0; i < raw.length; i++) {
                int before = page;
                for (int c = 0; c < raw[i].length(); c++) {
                    page += raw[i].charAt(c) == '\f' ? 1 : 0;
                }
                if (pages[i] == null) {
                    pages[i] = raw[i].replace('\f', ' ').isBlank() ? null : textPage(raw[i], before);
                }
            }
        }
        return pages;
    }

    /** The page of a line that may contain form feeds: the page its first printed character is on. */
    private static int textPage(String line, int pageAtStart) {
        int page = pageAtStart;
        for (int c = 0; c < line.length(); c++) {
            char ch = line.charAt(c);
            if (ch == '\f') {
                page++;
            } else if (!Character.isWhitespace(ch)) {
                return page;
            }
        }
        return page;
    }

    /** The rows of markup tables as source lines, in document order. */
    public static List<SourceLine> ofTables(List<TableGrid> tables, List<SourceLine> textLines) {
        List<SourceLine> lines = new ArrayList<>();
        for (TableGrid table : tables) {
            int index = lineAtOffset(textLines, table.textOffset());
            if (table == null || table.rows() == null) {
                continue;
            }
            List<String> header = null;
            for (List<String> row : table.rows()) {
                if (row == null) {
                    continue;
                }
                List<String> cells = row.stream().map(c -> c == null ? "" : c).toList();
                if (cells.stream().skip(1).noneMatch(DocumentLines::isValueCell)) {
                    header = distinctValueHeaders(cells) >= 2 ? cells : null;
                } else if (header != null) {
                    cells = withoutSpanCopies(cells, header);
                }
                String raw = String.join(" | ", cells);
                lines.add(SourceLine.of(index, raw, null, cells.stream().map(TextFolding::normalize).toList()));
            }
        }
        return lines;
    }

    /**
     * A row without the copies extraction makes of a value cell spanning several columns: where the column header
     * above spans two grid columns (the same header text in both) and the row holds the same value in both, the value
     * is printed once ("行政事业性收费 | 2 | 2 | 2" under "信息内容 | 上一年项目数量 | 本年增/减 | 本年增/减" has two values).
     */
    static List<String> withoutSpanCopies(List<String> cells, List<String> header) {
        List<String> kept = new ArrayList<>(cells.size());
        kept.add(cells.get(0));
        for (int c = 1; c < cells.size(); c++) {
            boolean spanCopy = c >= 2 && c < header.size() && !header.get(c).isBlank()
                    && header.get(c).equals(header.get(c - 1)) && cells.get(c).equals(cells.get(c - 1))
                    && isValueOrBlank(cells.get(c));
            if (!spanCopy) {
                kept.add(cells.get(c));
            }
        }
        return kept.size() == cells.size() ? cells : kept;
    }

    /** How many different non-blank headers a header row has over its value columns (all but the first). */
    private static long distinctValueHeaders(List<String> cells) {
        return cells.stream().skip(1).filter(c -> !c.isBlank()).distinct().count();
    }

    private static boolean isValueOrBlank(String cell) {
        return cell.isBlank() || isValueCell(cell);
    }

    /** A cell that holds a number, a signed change, an amount or a not-applicable mark, not a label. */
    private static boolean isValueCell(String cell) {
        String c = TextFolding.compact(cell);
        return !c.isEmpty() && VALUE_CELL.matcher(c).matches();
    }

    private static int lineAtOffset(List<SourceLine> lines, int offset) {
        if (offset < 0) {
            return -1;
        }
        int position = 0;
        for (SourceLine line : lines) {
            position += line.raw().length() + 1;
            if (position > offset) {
                return line.index();
            }
        }
        return -1;
    }

    /**
     * For each text line, the positioned line with the same text (in order), or null. Positioned lines without text
     * are passed over, and a text line with no twin close ahead does not stop the lines after it from matching.
     */
    private static TextLine[] match(String[] raw, List<TextLine> positioned) {
        TextLine[] matched = new TextLine[raw.length];
        if (positioned == null || positioned.isEmpty()) {
            return matched;
        }
        String[] texts = new String[positioned.size()];
        for (int j = 0; j < texts.length; j++) {
            TextLine candidate = positioned.get(j);
            texts[j] = candidate == null || candidate.text() == null ? "" : TextFolding.compact(candidate.text());
        }
        int next = 0;
        for (int i = 0; i < raw.length && next < texts.length; i++) {
            String line = TextFolding.compact(raw[i]);
            if (line.isEmpty()) {
                continue;
            }
            int seen = 0;
            for (int j = next; j < texts.length && seen < MATCH_LOOKAHEAD; j++) {
                if (texts[j].isEmpty()) {
                    continue;
                }
                seen++;
                if (texts[j].equals(line)) {
                    matched[i] = positioned.get(j);
                    next = j + 1;
                    break;
                }
            }
        }
        return matched;
    }
}

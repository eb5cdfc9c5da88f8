package io.annualreport.parser.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.annualreport.model.document.TableGrid;
import io.annualreport.model.document.TextLine;

/** Splits extracted text into source lines and attaches page numbers from positioned lines where they exist. */
public final class DocumentLines {

    private static final Pattern VALUE_CELL = Pattern.compile("^(?:[增减+-]?\\d[\\d,.]*(?:万元|元|万)?|[/\\-—–]+)$");

    private DocumentLines() {
    }

    /** The lines of a text, with pages taken from the positioned lines when they are given. */
    public static List<SourceLine> of(String text, List<TextLine> positioned) {
        String[] raw = text.split("\n", -1);
        TextLine[] matched = match(raw, positioned);
        List<SourceLine> lines = new ArrayList<>(raw.length);
        for (int i = 0; i < raw.length; i++) {
            TextLine line = matched[i];
            List<TextLine.TextRun> runs = line == null || line.runs() == null || line.runs().isEmpty()
                    ? null
                    : line.runs();
            lines.add(SourceLine.of(i, raw[i], line == null ? null : line.page(), null, runs));
        }
        return lines;
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
                lines.add(SourceLine.of(index, raw, null, cells.stream().map(TextNormalizer::normalize).toList()));
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
        String c = TextNormalizer.compact(cell);
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

    /** For each text line, the positioned line with the same text (in order), or null. */
    private static TextLine[] match(String[] raw, List<TextLine> positioned) {
        TextLine[] matched = new TextLine[raw.length];
        if (positioned == null || positioned.isEmpty()) {
            return matched;
        }
        int next = 0;
        for (int i = 0; i < raw.length && next < positioned.size(); i++) {
            String line = TextNormalizer.compact(raw[i]);
            if (line.isEmpty()) {
                continue;
            }
            for (int j = next; j < Math.min(positioned.size(), next + 5); j++) {
                TextLine candidate = positioned.get(j);
                if (candidate != null && candidate.text() != null
                        && TextNormalizer.compact(candidate.text()).equals(line)) {
                    matched[i] = candidate;
                    next = j + 1;
                    break;
                }
            }
        }
        return matched;
    }
}

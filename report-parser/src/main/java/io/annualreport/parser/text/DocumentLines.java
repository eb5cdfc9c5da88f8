package io.annualreport.parser.text;

import java.util.ArrayList;
import java.util.List;

import io.annualreport.model.document.TableGrid;
import io.annualreport.model.document.TextLine;

/** Splits extracted text into source lines and attaches page numbers from positioned lines where they exist. */
public final class DocumentLines {

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
            for (List<String> row : table.rows()) {
                if (row == null) {
                    continue;
                }
                List<String> cells = row.stream().map(c -> c == null ? "" : c).toList();
                String raw = String.join(" | ", cells);
                lines.add(SourceLine.of(index, raw, null, cells.stream().map(TextNormalizer::normalize).toList()));
            }
        }
        return lines;
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

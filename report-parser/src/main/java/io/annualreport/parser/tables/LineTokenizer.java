package io.annualreport.parser.tables;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.annualreport.model.document.TextLine;
import io.annualreport.model.report.CellSemantic;
import io.annualreport.model.text.TextFolding;
import io.annualreport.parser.text.SourceLine;

/**
 * Cuts one source line into label and value tokens, whatever shape extraction gave it: markup cells, tab-separated
 * cells, pipe cells ("a | b |", one cell per line, or markdown rows) or a PDF visual row separated by spaces.
 */
public final class LineTokenizer {

    private static final Pattern PAGE_MARKER = Pattern
            .compile(
                    "^\\s*(?:[-—–]\\s*\\d{1,3}\\s*[-—–]|第\\s*\\d{1,3}\\s*页(?:\\s*[,，/]?\\s*共\\s*\\d{1,3}\\s*页)?|\\d{1,3}\\s*/\\s*\\d{1,3})\\s*$");
    private static final Pattern TAG = Pattern.compile("</?[a-zA-Z][^>]{0,20}>");
    private static final int MIN_WORD_CELLS = 3;
    private static final float TOUCHING_GAP = 1.0f;
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern NON_SPACE = Pattern.compile("\\S+");
    /** The most label cells a table row has (group, sub-group, row label). */
    private static final int MAX_LABEL_CELLS = 3;
    private static final Pattern MARKDOWN_RULE = Pattern.compile("^[\\s|:\\-—]*$");

    private LineTokenizer() {
    }

    /** Whether a line is only a page number such as "- 4 -" or "第 4 页". */
    public static boolean isPageMarker(String norm) {
        return PAGE_MARKER.matcher(norm).matches();
    }

    /** The tokens of a line in reading order. */
    public static List<Token> tokens(SourceLine line) {
        List<Token> tokens = new ArrayList<>();
        if (line.cells() != null) {
            for (int i = 0; i < line.cells().size(); i++) {
                int before = tokens.size();
                addCell(tokens, line.cells().get(i), rawCell(line, i), line.index(), true);
                atCell(tokens, before, i);
            }
            return tokens;
        }
        String norm = line.norm();
        boolean blankCells = norm.isBlank() && isPositional(line);
        if (norm.isBlank() && !blankCells || isPageMarker(norm)) {
            return tokens;
        }
        String raw = line.raw();
        if (norm.indexOf('<') >= 0) {
            norm = TAG.matcher(norm).replaceAll(" ");
            raw = norm;
        }
        if (norm.indexOf('\t') >= 0) {
            return tabCells(norm, raw, line);
        } else if (norm.indexOf('|') >= 0) {
            if (norm.contains("-") && MARKDOWN_RULE.matcher(norm).matches() && norm.contains("---")) {
                return tokens;
            }
            addCells(tokens, norm.split("\\|", -1), raw.split("\\|", -1), line.index(), line.runs() == null);
        } else {
            Matcher m = NON_SPACE.matcher(norm);
            while (m.find()) {
                String rawPart = raw.length() == norm.length() ? raw.substring(m.start(), m.end()) : m.group();
                addPlain(tokens, m.group(), rawPart, line.index());
            }
            keepWordsOnlyAmongValues(tokens);
            if (line.runs() != null) {
                return withPositions(tokens, line);
            }
        }
        return tokens;
    }

    /**
     * The tokens of a tab-separated line, each with the OCR confidence of the run its cell was read from: the text of
     * a positioned line is its runs joined by tabs, so cell {@code i} is run {@code i}. Where the counts differ, every
     * token gets the lowest confidence of the line.
     */
    private static List<Token> tabCells(String norm, String raw, SourceLine line) {
        String[] cells = norm.split("\t", -1);
        String[] raws = raw.split("\t", -1);
        Float lowest = lowestConfidence(line);
        boolean perRun = lowest != null && line.runs().size() == cells.length;
        List<Token> tokens = new ArrayList<>();
        for (int i = 0; i < cells.length; i++) {
            int before = tokens.size();
            addCell(tokens, cells[i], raws.length == cells.length ? raws[i] : cells[i], line.index(), true);
            if (line.runs() == null) {
                atCell(tokens, before, i);
            }
            if (lowest != null) {
                Float confidence = perRun ? line.runs().get(i).confidence() : lowest;
                for (int k = before; k < tokens.size(); k++) {
                    tokens.set(k, tokens.get(k).withConfidence(confidence));
                }
            }
        }
        return tokens;
    }

    /**
     * Gives the value tokens of one cell of a positional line (markup cells, or tab-separated cells typed or exported,
     * not OCR runs) the cell's index as their position: the columns of such a line are its cells, blanks included.
     */
    private static void atCell(List<Token> tokens, int from, int cell) {
        for (int k = from; k < tokens.size(); k++) {
            Token token = tokens.get(k);
            if (!token.isLabel()) {
                tokens.set(k, new Token(null, token.value(), token.line(), (float) cell, token.confidence()));
            }
        }
    }

    /**
     * Whether a line's cells are positional: markup cells, or tab- or pipe-separated cells not made from OCR runs.
     */
    public static boolean isPositional(SourceLine line) {
        return line.cells() != null
                || line.runs() == null && (line.norm().indexOf('\t') >= 0 || line.norm().indexOf('|') >= 0);
    }

    /**
     * Whether a markdown pipe line is a table's header row, not a row of the table: two or more label cells and no
     * value, and either no blank cell, or labels in more than one run, or more labels than a row has label columns
     * (three: group, sub-group, row). A row printed with blank cells has its label cells in one run, blanks around
     * them. Tools write a header of generic names ("项目 | 数据1 | …"), of the column labels, or of the labels of
     * another table's rows.
     */
    public static boolean isHeaderRow(SourceLine line) {
        String norm = line.norm();
        if (line.cells() != null || line.runs() != null || norm.indexOf('|') < 0 || norm.indexOf('\t') >= 0) {
            return false;
        }
        String[] cells = norm.split("\\|", -1);
        int from = cells.length > 0 && cells[0].isBlank() ? 1 : 0;
        int to = cells.length > from && cells[cells.length - 1].isBlank() ? cells.length - 1 : cells.length;
        int labels = 0;
        int runs = 0;
        boolean blankSeen = false;
        boolean previousLabel = false;
        for (int i = from; i < to; i++) {
            String cell = cells[i].strip();
            if (cell.isEmpty()) {
                blankSeen = true;
                previousLabel = false;
            } else if (CellValue.parse(cell, cell).isPresent()) {
                return false;
            } else {
                labels++;
                runs += previousLabel ? 0 : 1;
                previousLabel = true;
            }
        }
        return labels >= 2 && (!blankSeen || runs >= 2 || labels > MAX_LABEL_CELLS);
    }

    /** The lowest OCR confidence of a line's runs; null when no run was read by OCR. */
    private static Float lowestConfidence(SourceLine line) {
        if (line.runs() == null) {
            return null;
        }
        Float lowest = null;
        for (TextLine.TextRun run : line.runs()) {
            if (run.confidence() != null && (lowest == null || run.confidence() < lowest)) {
                lowest = run.confidence();
            }
        }
        return lowest;
    }

    /**
     * In a row separated by spaces only, a lone word such as "无" is a cell only where the row also prints other cell
     * values; otherwise it is part of a label ("（四） 无法提供" split by a space).
     */
    private static void keepWordsOnlyAmongValues(List<Token> tokens) {
        int numbers = 0;
        int words = 0;
        for (Token token : tokens) {
            if (!token.isLabel()) {
                if (token.value().semantic() == CellSemantic.TEXT) {
                    words++;
                } else {
                    numbers++;
                }
            }
        }
        if (words == 0 || numbers > 0 || words >= MIN_WORD_CELLS) {
            return;
        }
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (!token.isLabel()) {
                tokens.set(i, new Token(TextFolding.normalize(token.value().raw()), null, token.line(), token.x()));
            }
        }
    }

    private static String rawCell(SourceLine line, int i) {
        return line.cells().get(i);
    }

    /** The cells of a pipe row; {@code positional}: each value gets its cell's index as position. */
    private static void addCells(List<Token> tokens, String[] norm, String[] raw, int index, boolean positional) {
        int from = 0;
        int to = norm.length;
        if (to > 0 && norm[0].isBlank()) {
            from = 1;
        }
        if (to > from && norm[to - 1].isBlank()) {
            to--;
        }
        for (int i = from; i < to; i++) {
            String r = raw.length == norm.length ? raw[i] : norm[i];
            int before = tokens.size();
            addCell(tokens, norm[i], r, index, true);
            if (positional) {
                atCell(tokens, before, i - from);
            }
        }
    }

    private static void addCell(List<Token> tokens, String norm, String raw, int index, boolean positional) {
        String cell = norm.strip();
        if (cell.isEmpty()) {
            if (positional) {
                tokens.add(new Token(null, CellValue.empty(), index));
            }
            return;
        }
        Optional<CellValue> value = CellValue.parse(cell, raw);
        if (value.isPresent()) {
            tokens.add(new Token(null, value.get(), index));
            return;
        }
        String[] parts = WHITESPACE.split(cell);
        if (parts.length == 1) {
            tokens.add(new Token(cell, null, index));
            return;
        }
        for (int i = 0; i < parts.length; i++) {
            if (embeddedInText(parts, i)) {
                // a number with words of the same cell on both sides is part of its text ("保留 4 位小数"), no value
                tokens.add(new Token(parts[i], null, index));
            } else {
                addPlain(tokens, parts[i], parts[i], index);
            }
        }
    }

    /** Whether the part is a number with a word (no number) before and after it among the parts of one cell. */
    private static boolean embeddedInText(String[] parts, int i) {
        if (i == 0 || i == parts.length - 1 || CellValue.parse(parts[i], parts[i]).isEmpty()) {
            return false;
        }
        boolean wordBefore = false;
        for (int k = 0; k < i && !wordBefore; k++) {
            wordBefore = CellValue.parse(parts[k], parts[k]).isEmpty();
        }
        boolean wordAfter = false;
        for (int k = i + 1; k < parts.length && !wordAfter; k++) {
            wordAfter = CellValue.parse(parts[k], parts[k]).isEmpty();
        }
        return wordBefore && wordAfter;
    }

    /**
     * The tokens read from the text, with the horizontal positions of the runs attached to the values. The runs only
     * ever add positions: if they do not yield exactly the same values in the same order, they are ignored.
     */
    private static List<Token> withPositions(List<Token> tokens, SourceLine line) {
        List<Token> positioned = new ArrayList<>();
        for (TextLine.TextRun run : mergeTouching(line.runs())) {
            addRun(positioned, run, line.index());
        }
        List<Token> values = tokens.stream().filter(t -> !t.isLabel()).toList();
        List<Token> placed = positioned.stream().filter(t -> !t.isLabel()).toList();
        Float lowest = lowestConfidence(line);
        List<Token> unplaced = lowest == null ? tokens : tokens.stream().map(t -> t.withConfidence(lowest)).toList();
        if (values.size() != placed.size()) {
            return unplaced;
        }
        for (int i = 0; i < values.size(); i++) {
            String printed = TextFolding.normalize(values.get(i).value().raw());
            if (!printed.equals(TextFolding.normalize(placed.get(i).value().raw()))) {
                return unplaced;
            }
        }
        List<Token> out = new ArrayList<>(tokens.size());
        int v = 0;
        for (Token token : tokens) {
            if (token.isLabel()) {
                out.add(token);
            } else {
                Token at = placed.get(v++);
                out.add(new Token(null, token.value(), token.line(), at.x(), at.confidence()));
            }
        }
        return out;
    }

    /** Runs closer than a hair's breadth are one piece of text split by the PDF producer (e.g. one run per glyph). */
    private static List<TextLine.TextRun> mergeTouching(List<TextLine.TextRun> runs) {
        List<TextLine.TextRun> merged = new ArrayList<>();
        for (TextLine.TextRun run : runs) {
            if (!merged.isEmpty()) {
                TextLine.TextRun last = merged.get(merged.size() - 1);
                if (run.x() - last.endX() < TOUCHING_GAP && !last.text().endsWith(" ") && !run.text().startsWith(" ")) {
                    Float confidence = last.confidence() == null
                            ? run.confidence()
                            : run.confidence() == null
                                    ? last.confidence()
                                    : Float.valueOf(Math.min(last.confidence(), run.confidence()));
                    merged.set(merged.size() - 1,
                            new TextLine.TextRun(last.x(), run.endX(), last.text() + run.text(), confidence));
                    continue;
                }
            }
            merged.add(run);
        }
        return merged;
    }

    /** The parts of a positioned run, each placed at its share of the run's width. */
    private static void addRun(List<Token> tokens, TextLine.TextRun run, int index) {
        String text = TextFolding.normalize(run.text());
        float width = run.endX() - run.x();
        Matcher m = NON_SPACE.matcher(text);
        while (m.find()) {
            float centre = text.isEmpty()
                    ? run.x()
                    : run.x() + width * ((m.start() + m.end()) / 2f) / text.length();
            String part = m.group();
            String rawPart = run.text().substring(m.start(), m.end());
            Optional<CellValue> value = CellValue.parse(part, rawPart);
            tokens.add(value.map(v -> new Token(null, v, index, centre, run.confidence()))
                    .orElseGet(() -> new Token(part, null, index, centre, run.confidence())));
        }
    }

    private static void addPlain(List<Token> tokens, String norm, String raw, int index) {
        Optional<CellValue> value = CellValue.parse(norm, raw);
        tokens.add(value.map(v -> new Token(null, v, index)).orElseGet(() -> new Token(norm, null, index)));
    }
}

package io.annualreport.extraction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.annualreport.model.document.TextLine;
import io.annualreport.model.document.TextLine.TextRun;

/**
 * Groups positioned glyphs of one page into visual rows (same baseline) and each row into runs (text separated by a
 * gap wider than a column gutter), so that table cells keep their x positions.
 */
final class RowAssembler {

    /**
     * A gap wider than this many font sizes starts a new run (a new table cell). Narrow table columns leave about half
     * an em between cells; a space glyph is about a quarter.
     */
    static final float TEXT_LAYER_RUN_GAP = 0.45f;
    /** OCR word boxes hug the ink, so neighbouring words of one cell sit further apart than PDF glyphs. */
    static final float OCR_RUN_GAP = 1.5f;
    /** Digits of one number touch; digits this far apart belong to neighbouring cells. */
    private static final float DIGIT_GAP = 0.25f;
    /** A gap wider than this many font sizes between non-CJK text is a word space. */
    private static final float SPACE_GAP = 0.2f;
    /** Baselines closer than this many font sizes are the same row. */
    private static final float SAME_ROW = 0.45f;

    private RowAssembler() {
    }

    /** Rows and runs of PDF text-layer glyphs. */
    static List<TextLine> assemble(int page, List<Glyph> glyphs) {
        return assemble(page, glyphs, List.of());
    }

    /** Rows and runs of PDF text-layer glyphs; a vertical border between two glyphs always ends a run. */
    static List<TextLine> assemble(int page, List<Glyph> glyphs, List<Ruling> rulings) {
        return assemble(page, glyphs, TEXT_LAYER_RUN_GAP, rulings);
    }

    /** Rows and runs of OCR words. */
    static List<TextLine> assembleOcr(int page, List<Glyph> words) {
        return assembleOcr(page, words, List.of());
    }

    /** Rows and runs of OCR words; a vertical border found in the page image always ends a run. */
    static List<TextLine> assembleOcr(int page, List<Glyph> words, List<Ruling> rulings) {
        return assemble(page, words, OCR_RUN_GAP, rulings);
    }

    private static List<TextLine> assemble(int page, List<Glyph> glyphs, float runGap, List<Ruling> rulings) {
        List<Glyph> sorted = new ArrayList<>(glyphs);
        sorted.removeIf(g -> g.text() == null || g.text().isBlank());
        sorted.sort(Comparator.comparingDouble(Glyph::baseline));
        List<List<Glyph>> rows = new ArrayList<>();
        List<Glyph> current = new ArrayList<>();
        double baselineSum = 0;
        for (Glyph g : sorted) {
            float tolerance = SAME_ROW * Math.max(g.size(), 1f);
            // The row's mean baseline, so a stray glyph of a vertical label does not anchor the row.
            if (!current.isEmpty() && Math.abs(g.baseline() - baselineSum / current.size()) > tolerance) {
                rows.add(current);
                current = new ArrayList<>();
                baselineSum = 0;
            }
            current.add(g);
            baselineSum += g.baseline();
        }
        if (!current.isEmpty()) {
            rows.add(current);
        }
        List<TextLine> lines = new ArrayList<>(rows.size());
        for (List<Glyph> row : rows) {
            lines.add(line(page, row, runGap, rulings));
        }
        return lines;
    }

    private static TextLine line(int page, List<Glyph> row, float runGap, List<Ruling> rulings) {
        row.sort(Comparator.comparingDouble(Glyph::x));
        List<TextRun> runs = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        float runX = row.get(0).x();
        float runEnd = row.get(0).x();
        Glyph previous = null;
        float baseline = 0;
        Float confidence = null;
        for (Glyph g : row) {
            baseline += g.baseline();
            if (previous != null) {
                float gap = g.x() - previous.endX();
                float size = Math.max(Math.max(previous.size(), g.size()), 1f);
                float middle = g.baseline() - 0.35f * size;
                if (gap > runGap * size || (gap > DIGIT_GAP * size && endsWithDigit(run) && startsWithDigit(g))
                        || separated(rulings, previous.endX() - 0.5f, g.x() + 0.5f, middle)) {
                    runs.add(new TextRun(runX, runEnd, run.toString(), confidence));
                    run.setLength(0);
                    runX = g.x();
                    confidence = null;
                } else if (gap > SPACE_GAP * size && needsSpace(run, g.text())) {
                    run.append(' ');
                }
            }
            run.append(g.text());
            confidence = lowest(confidence, g.confidence());
            runEnd = Math.max(runEnd, g.endX());
            previous = g;
        }
        runs.add(new TextRun(runX, runEnd, run.toString(), confidence));
        StringBuilder text = new StringBuilder();
        for (TextRun r : runs) {
            if (text.length() > 0) {
                text.append('\t');
            }
            text.append(r.text());
        }
        return new TextLine(page, baseline / row.size(), text.toString(), List.copyOf(runs));
    }

    /** The lower of two OCR confidences; null only when neither glyph was read by OCR. */
    private static Float lowest(Float a, Float b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : Math.min(a, b);
    }

    private static boolean separated(List<Ruling> rulings, float leftX, float rightX, float y) {
        for (Ruling ruling : rulings) {
            if (ruling.separates(leftX, rightX, y)) {
                return true;
            }
        }
        return false;
    }

    private static boolean endsWithDigit(CharSequence run) {
        return run.length() > 0 && Character.isDigit(run.charAt(run.length() - 1));
    }

    private static boolean startsWithDigit(Glyph glyph) {
        return !glyph.text().isEmpty() && Character.isDigit(glyph.text().charAt(0));
    }

    private static boolean needsSpace(CharSequence before, String next) {
        if (before.length() == 0 || next.isEmpty()) {
            return false;
        }
        char last = before.charAt(before.length() - 1);
        char first = next.charAt(0);
        return !Character.isWhitespace(last) && !Character.isWhitespace(first) && !(isCjk(last) && isCjk(first));
    }

    static boolean isCjk(char c) {
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.HAN || (c >= '\u3000' && c <= '\u303f')
                || (c >= '\uff00' && c <= '\uffef');
    }
}

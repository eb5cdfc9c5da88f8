package io.annualreport.extraction;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the word rows of Tesseract's TSV output (level page block par line word left top width height conf text) and
 * turns words in page pixels into glyphs in points: each Tesseract line's words on one baseline, tiny and stretched
 * boxes evened out, every glyph keeping its word's confidence.
 */
final class TsvWords {

    private TsvWords() {
    }

    /**
     * A word read by Tesseract, in page pixels.
     *
     * @param confidence Tesseract's word confidence, 0 to 100
     * @param lineId the Tesseract line (image, block, paragraph, line) the word belongs to
     */
    record Word(int left, int top, int width, int height, float confidence, String text, String lineId) {
    }

    /**
     * The words of the TSV (of one image of a list when {@code image} is given), moved into page pixels: page x =
     * offsetX + x * scale.
     */
    static List<Word> parse(List<String> lines, String image, float offsetX, float offsetY, float scale) {
        List<Word> words = new ArrayList<>();
        for (String line : lines) {
            String[] f = line.split("\t", -1);
            if (f.length < 12 || !"5".equals(f[0]) || (image != null && !image.equals(f[1]))) {
                continue;
            }
            String text = f[11].strip();
            if (text.isEmpty()) {
                continue;
            }
            try {
                int left = Math.round(offsetX + Integer.parseInt(f[6]) * scale);
                int top = Math.round(offsetY + Integer.parseInt(f[7]) * scale);
                int width = Math.round(Integer.parseInt(f[8]) * scale);
                int height = Math.round(Integer.parseInt(f[9]) * scale);
                float confidence = Float.parseFloat(f[10]);
                words.add(new Word(left, top, width, height, confidence, text,
                        f[1] + '/' + f[2] + '/' + f[3] + '/' + f[4] + (image == null ? "" : "/cell")));
            } catch (NumberFormatException e) {
                // header or damaged row
            }
        }
        return words;
    }

    /** The words in points, each line's words on one baseline, tiny and stretched boxes evened out. */
    static List<Glyph> glyphs(List<Word> words, float pointsPerPixel) {
        List<Glyph> glyphs = new ArrayList<>(words.size());
        List<String> lineIds = new ArrayList<>(words.size());
        for (Word word : words) {
            float left = word.left() * pointsPerPixel;
            float top = word.top() * pointsPerPixel;
            float height = word.height() * pointsPerPixel;
            glyphs.add(new Glyph(left, left + word.width() * pointsPerPixel, top + height, Math.max(height, 1f),
                    word.text(), word.confidence()));
            lineIds.add(word.lineId());
        }
        return alignLines(evenHeights(glyphs), lineIds);
    }

    /**
     * The words of one Tesseract line (block, paragraph, line) get that line's median baseline, so that a word whose
     * box a comma or a descender stretched is not taken for a row of its own.
     */
    private static List<Glyph> alignLines(List<Glyph> words, List<String> lineIds) {
        Map<String, List<Float>> baselines = new HashMap<>();
        for (int i = 0; i < words.size(); i++) {
            baselines.computeIfAbsent(lineIds.get(i), id -> new ArrayList<>()).add(words.get(i).baseline());
        }
        List<Glyph> aligned = new ArrayList<>(words.size());
        for (int i = 0; i < words.size(); i++) {
            List<Float> line = baselines.get(lineIds.get(i));
            line.sort(null);
            Glyph word = words.get(i);
            aligned.add(word.moved(line.get(line.size() / 2), word.size()));
        }
        return aligned;
    }

    /**
     * Words much lower than the page's median word (一, 、, -, a dot: boxes hug the ink) get the median height around
     * their middle, and one or two characters in a box stretched far taller get it from their top, so that their
     * baseline and size match the other words of their row.
     */
    private static List<Glyph> evenHeights(List<Glyph> words) {
        if (words.isEmpty()) {
            return words;
        }
        List<Float> sorted = new ArrayList<>(words.size());
        words.forEach(word -> sorted.add(word.size()));
        sorted.sort(null);
        float median = sorted.get(sorted.size() / 2);
        List<Glyph> even = new ArrayList<>(words.size());
        for (Glyph word : words) {
            if (word.size() < 0.6f * median) {
                float middle = word.baseline() - word.size() / 2;
                even.add(word.moved(middle + median / 2, median));
            } else if (word.size() > 1.5f * median && word.text().length() <= 2) {
                // A box stretched over a wrapped cell's next line: its character sits at the top.
                float top = word.baseline() - word.size();
                even.add(word.moved(top + median, median));
            } else {
                even.add(word);
            }
        }
        return even;
    }
}

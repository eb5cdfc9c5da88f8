package io.annualreport.extraction;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.util.ArrayList;
import java.util.List;

import io.annualreport.model.event.FailureReason;

import ai.onnxruntime.OrtException;

/**
 * Reads the text of a page with PaddleOCR's PP-OCRv4 models ({@link TextLineFinder}, {@link LineRecogniser}) in
 * place of Tesseract's Chinese passes: the text lines found on the page, each cut at the borders of the table cells it
 * crosses (a label and its number side by side are two readings), every piece read and split into words at its
 * spaces. A word's box is its characters' span across the piece and the piece's ink from top to bottom; its
 * confidence is the least probability of its characters (0 to 100, as Tesseract's).
 */
final class PaddleText {

    /** Ink no lighter than this grey level. */
    private static final int INK = 128;
    /** A piece of a line narrower than this (pixels) inside a cell holds no character. */
    private static final int MIN_PIECE = 6;
    /** A line crossing a cell by less than this share of its own height stays out of that cell. */
    private static final double MIN_OVERLAP = 0.5;

    private final TextLineFinder finder;
    private final LineRecogniser recogniser;

    PaddleText(PaddleModels models) {
        this.finder = new TextLineFinder(models);
        this.recogniser = new LineRecogniser(models);
    }

    /**
     * What was read on a page, in page pixels.
     *
     * @param words the page's words
     * @param digits the readings of the same lines inside grid cells as digits only (the opinion on a number cell)
     */
    record PageReading(List<TsvWords.Word> words, List<TsvWords.Word> digits) {
    }

    /**
     * Reads the page.
     *
     * @param cells the inked cells of the page's table grid (empty without a grid)
     * @param deadline the {@link System#nanoTime()} by which the page must be read
     * @throws ExtractionException TIMEOUT past the deadline
     */
    PageReading read(BufferedImage page, List<Rectangle> cells, long deadline)
            throws OrtException, ExtractionException {
        List<TsvWords.Word> words = new ArrayList<>();
        List<TsvWords.Word> digits = new ArrayList<>();
        int piece = 0;
        for (Rectangle line : finder.find(page)) {
            List<Rectangle> parts = pieces(line, cells);
            boolean inCells = !cells.isEmpty() && parts.size() > 1 || cells.stream().anyMatch(
                    cell -> cell.contains(parts.get(0)));
            for (Rectangle part : parts) {
                Interruption.check();
                if (System.nanoTime() - deadline > 0) {
                    throw new ExtractionException(FailureReason.TIMEOUT,
                            "OCR of one page took longer than its budget");
                }
                Rectangle ink = inkRows(page, part);
                if (ink == null) {
                    continue;
                }
                LineRecogniser.Reading reading = recogniser.read(page, part);
                words.addAll(words(reading.text(), ink, "pp/" + piece));
                if (inCells) {
                    digits.addAll(words(reading.digits(), ink, "pp-digits/" + piece));
                }
                piece++;
            }
        }
        return new PageReading(words, digits);
    }

    /** The digits of one number cell's crop (the characters of {@link NumberCells#WHITELIST} only), as words. */
    List<TsvWords.Word> readDigits(BufferedImage page, Rectangle crop, String lineId) throws OrtException {
        Rectangle ink = inkRows(page, crop);
        if (ink == null) {
            return List.of();
        }
        return words(recogniser.read(page, crop).digits(), ink, lineId);
    }

    /**
     * The line cut at the borders of the cells it crosses: one piece per cell (inside the cell), and the line as it
     * is where it crosses none.
     */
    static List<Rectangle> pieces(Rectangle line, List<Rectangle> cells) {
        List<Rectangle> pieces = new ArrayList<>();
        for (Rectangle cell : cells) {
            Rectangle common = line.intersection(cell);
            if (common.isEmpty() || common.width < MIN_PIECE
                    || common.height < MIN_OVERLAP * Math.min(line.height, cell.height)) {
                continue;
            }
            pieces.add(common);
        }
        if (pieces.isEmpty()) {
            pieces.add(line);
        }
        return pieces;
    }

    /**
     * The ink of the line in the box: the band of rows around the box's middle that hold ink, ending where a gap of
     * white rows as tall as an eighth of the box begins (the edges of the lines above and below, which the detector's
     * margin takes in, stay out), and the columns holding ink in that band; null without ink.
     */
    static Rectangle inkRows(BufferedImage page, Rectangle box) {
        Raster raster = page.getRaster();
        int[] row = new int[box.width];
        int[] count = new int[box.height];
        for (int y = 0; y < box.height; y++) {
            row = raster.getSamples(box.x, box.y + y, box.width, 1, 0, row);
            for (int x = 0; x < box.width; x++) {
                if (row[x] < INK) {
                    count[y]++;
                }
            }
        }
        int middle = box.height / 2;
        int start = -1;
        for (int d = 0; d <= box.height && start < 0; d++) {
            if (middle - d >= 0 && count[middle - d] > 0) {
                start = middle - d;
            } else if (middle + d < box.height && count[middle + d] > 0) {
                start = middle + d;
            }
        }
        if (start < 0) {
            return null;
        }
        int gap = Math.max(2, box.height / 8);
        int first = start;
        for (int y = start - 1, white = 0; y >= 0 && white < gap; y--) {
            if (count[y] > 0) {
                first = y;
                white = 0;
            } else {
                white++;
            }
        }
        int last = start;
        for (int y = start + 1, white = 0; y < box.height && white < gap; y++) {
            if (count[y] > 0) {
                last = y;
                white = 0;
            } else {
                white++;
            }
        }
        int left = Integer.MAX_VALUE;
        int right = -1;
        for (int y = first; y <= last; y++) {
            row = raster.getSamples(box.x, box.y + y, box.width, 1, 0, row);
            for (int x = 0; x < box.width; x++) {
                if (row[x] < INK) {
                    left = Math.min(left, box.x + x);
                    right = Math.max(right, box.x + x);
                }
            }
        }
        return new Rectangle(left, box.y + first, right - left + 1, last - first + 1);
    }

    /**
     * The characters as words, split at spaces: each word from half a character before its first character's place
     * to half a character after its last, within the ink, on the ink's rows.
     */
    static List<TsvWords.Word> words(List<LineRecogniser.Character> characters, Rectangle ink, String lineId) {
        List<TsvWords.Word> words = new ArrayList<>();
        int visible = (int) characters.stream().filter(c -> !c.text().isBlank()).count();
        float pitch = visible == 0 ? ink.height : Math.min(ink.height, (float) ink.width / visible);
        List<LineRecogniser.Character> word = new ArrayList<>();
        for (int i = 0; i <= characters.size(); i++) {
            boolean end = i == characters.size() || characters.get(i).text().isBlank();
            if (!end) {
                word.add(characters.get(i));
                continue;
            }
            if (!word.isEmpty()) {
                StringBuilder text = new StringBuilder();
                float least = 1f;
                for (LineRecogniser.Character c : word) {
                    text.append(c.text());
                    least = Math.min(least, c.probability());
                }
                int left = Math.max(ink.x, Math.round(word.get(0).x() - pitch / 2));
                int right = Math.min(ink.x + ink.width, Math.round(word.get(word.size() - 1).x() + pitch / 2));
                words.add(new TsvWords.Word(left, ink.y, Math.max(1, right - left), ink.height, 100f * least,
                        text.toString(), lineId));
                word.clear();
            }
        }
        return words;
    }
}

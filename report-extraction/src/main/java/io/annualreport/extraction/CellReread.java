package io.annualreport.extraction;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * The policy for reading table cells again on their own: which cells (those holding a word read with low
 * confidence), how they are cut out (inside their borders, enlarged, on a white margin) and which reading is kept (the
 * more confident one, unless it drops Chinese characters the page pass read well).
 */
final class CellReread {

    /** A word read with less confidence than this (0 to 100) has its table cell read again. */
    static final float DOUBTFUL_CONFIDENCE = 70f;
    /** Cells read again per page at most, to bound the cost of a page read badly throughout. */
    static final int MAX_REREAD_CELLS = 40;
    /** A cell read again is enlarged this many times. */
    static final int CELL_SCALE = 2;
    /** Dark pixels (at 300 dpi) a grid cell needs to be read: a printed "0" at 9 pt has about 150. */
    static final int MIN_INK_PIXELS_AT_300_DPI = 40;
    /** White margin (pixels of the enlarged cell) around a cell read again. */
    static final int CELL_PADDING = 24;

    private CellReread() {
    }

    /** The distinct cells that hold a word read with less than {@link #DOUBTFUL_CONFIDENCE}, at most {@link #MAX_REREAD_CELLS}. */
    static List<Rectangle> doubtfulCells(List<TsvWords.Word> words, TableCells cells) {
        List<Rectangle> doubtful = new ArrayList<>();
        for (TsvWords.Word word : words) {
            if (word.confidence() >= DOUBTFUL_CONFIDENCE) {
                continue;
            }
            cells.cellAround(word.left() + word.width() / 2, word.top() + word.height() / 2)
                    .filter(cell -> !doubtful.contains(cell)).ifPresent(doubtful::add);
            if (doubtful.size() == MAX_REREAD_CELLS) {
                break;
            }
        }
        return doubtful;
    }

    /** The cell cut out of the page, enlarged {@link #CELL_SCALE} times, on a white margin. */
    static BufferedImage enlarged(BufferedImage page, Rectangle cell) {
        return cutOut(page, cell, CELL_SCALE);
    }

    /** The grid cells holding ink: more dark pixels than a speck of scan noise. */
    static List<Rectangle> inked(BufferedImage page, List<Rectangle> cells, float dpi) {
        int minDark = Math.max(6, Math.round(MIN_INK_PIXELS_AT_300_DPI * (dpi / 300f) * (dpi / 300f)));
        java.awt.image.Raster raster = page.getRaster();
        List<Rectangle> inked = new ArrayList<>();
        for (Rectangle cell : cells) {
            int[] row = new int[cell.width];
            int dark = 0;
            for (int y = cell.y; y < cell.y + cell.height && dark < minDark; y++) {
                row = raster.getSamples(cell.x, y, cell.width, 1, 0, row);
                for (int x = 0; x < cell.width; x++) {
                    if (row[x] < 128) {
                        dark++;
                    }
                }
            }
            if (dark >= minDark) {
                inked.add(cell);
            }
        }
        return inked;
    }

    /** The cell cut out of the page, enlarged {@code scale} times, on a white margin of {@link #CELL_PADDING}. */
    static BufferedImage cutOut(BufferedImage page, Rectangle cell, int scale) {
        int width = cell.width * scale + 2 * CELL_PADDING;
        int height = cell.height * scale + 2 * CELL_PADDING;
        BufferedImage crop = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = crop.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.drawImage(page, CELL_PADDING, CELL_PADDING, CELL_PADDING + cell.width * scale,
                    CELL_PADDING + cell.height * scale, cell.x, cell.y, cell.x + cell.width,
                    cell.y + cell.height, null);
        } finally {
            g.dispose();
        }
        return crop;
    }

    /**
     * The page words with the cells' new readings merged in: the TSV of the cell images (image {@code i + 1} is cell
     * {@code i}) replaces the page words inside a cell when it is more confident and keeps the Chinese characters the
     * page pass read with confidence there.
     */
    static List<TsvWords.Word> merge(List<TsvWords.Word> words, List<Rectangle> doubtful, List<String> cellTsv) {
        List<TsvWords.Word> result = new ArrayList<>(words);
        for (int i = 0; i < doubtful.size(); i++) {
            Rectangle cell = doubtful.get(i);
            List<TsvWords.Word> reread = TsvWords.parse(cellTsv, Integer.toString(i + 1),
                    cell.x - CELL_PADDING / CELL_SCALE, cell.y - CELL_PADDING / CELL_SCALE, 1f / CELL_SCALE);
            List<TsvWords.Word> inCell = result.stream()
                    .filter(w -> cell.contains(w.left() + w.width() / 2, w.top() + w.height() / 2)).toList();
            if (!reread.isEmpty() && confidence(reread) > confidence(inCell)
                    && keepsConfidentCharacters(reread, inCell)) {
                result.removeAll(inCell);
                result.addAll(reread);
            }
        }
        return result;
    }

    /**
     * Whether the cell's new reading has at least as many Chinese characters as the page pass read with confidence in
     * the cell: a cell read alone sometimes drops the short last line of a wrapped label, which must not cost
     * characters read well. (Characters are counted, not compared: a confident page word can still be a misread.)
     */
    static boolean keepsConfidentCharacters(List<TsvWords.Word> reread, List<TsvWords.Word> page) {
        long confident = page.stream().filter(word -> word.confidence() >= DOUBTFUL_CONFIDENCE)
                .mapToLong(word -> hanCount(word.text())).sum();
        return reread.stream().mapToLong(word -> hanCount(word.text())).sum() >= confident;
    }

    private static long hanCount(String text) {
        return text.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).count();
    }

    /** The words' mean confidence weighted by their length in characters; -1 without words. */
    static double confidence(List<TsvWords.Word> words) {
        double sum = 0;
        int characters = 0;
        for (TsvWords.Word word : words) {
            int length = word.text().codePointCount(0, word.text().length());
            sum += word.confidence() * length;
            characters += length;
        }
        return characters == 0 ? -1 : sum / characters;
    }
}

package io.annualreport.extraction;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import io.annualreport.model.event.FailureReason;

/**
 * OCR through the {@code tesseract} command line ({@link TesseractProcess}): one process per page, sparse-text
 * segmentation ({@code --psm 11}: every word is found wherever it stands, so table cells are not merged into one
 * block; rows are rebuilt from the word boxes later), interword spaces preserved so CJK words stay unspaced, words read
 * from the TSV output with their boxes and confidence ({@link TsvWords}). Table cells holding a doubtful word are then
 * read again on their own ({@link CellReread}). Every glyph keeps its word's confidence, so that the parser can mark
 * cells read with doubt.
 */
public final class TesseractOcr implements OcrEngine {

    /** Sparse text: finds words in table cells that the automatic page layout (3) or one block (6) misreads. */
    static final String PAGE_SEGMENTATION = "11";
    /** A cell read again on its own is one uniform block of text (one or more wrapped lines). */
    static final String CELL_SEGMENTATION = "6";
    /** A word read with less confidence than this (0 to 100) has its table cell read again. */
    static final float DOUBTFUL_CONFIDENCE = CellReread.DOUBTFUL_CONFIDENCE;
    /** A cell read again is enlarged this many times. */
    static final int CELL_SCALE = CellReread.CELL_SCALE;
    /** White margin (pixels of the enlarged cell) around a cell read again. */
    static final int CELL_PADDING = CellReread.CELL_PADDING;

    /** A page with at least this many grid cells holding ink has its cells read one by one. */
    static final int MIN_GRID_CELLS = 4;

    private final TesseractProcess tesseract;

    /** Tesseract from the PATH with simplified Chinese. */
    public TesseractOcr() {
        this("tesseract", "chi_sim");
    }

    public TesseractOcr(String command, String language) {
        this.tesseract = new TesseractProcess(command, language);
    }

    @Override
    public boolean available() {
        return tesseract.available();
    }

    @Override
    public String describe() {
        return tesseract.describe();
    }

    @Override
    public List<Glyph> read(BufferedImage image, float dpi, Duration budget) throws ExtractionException {
        return read(image, dpi, budget, TableCells.NONE);
    }

    /**
     * Reads the page as sparse text, then reads again, each on its own, the table cells that hold a word read with
     * low confidence: cropped inside their borders, enlarged and padded, all in one more Tesseract run as a single
     * uniform block each ({@code --psm 6}). A cell's new reading replaces the words of the page reading inside the
     * cell when its confidence is higher and it has at least as many Chinese characters as the page pass read with
     * confidence there.
     */
    @Override
    public List<Glyph> read(BufferedImage image, float dpi, Duration budget, TableCells cells)
            throws ExtractionException {
        if (!available()) {
            throw new ExtractionException(FailureReason.OCR_UNAVAILABLE, "the file needs OCR but '" + describe()
                    + "' cannot run here; install tesseract-ocr and tesseract-ocr-chi-sim");
        }
        long started = System.nanoTime();
        Path dir = null;
        try {
            dir = Files.createTempDirectory("ocr-page-");
            List<Rectangle> grid = cells.all();
            List<Rectangle> inked = grid.size() >= MIN_GRID_CELLS ? CellReread.inked(image, grid, dpi) : List.of();
            Path png = dir.resolve("page.png");
            ImageIO.write(image, "png", png.toFile());
            Interruption.check();
            List<TsvWords.Word> words = new ArrayList<>(TsvWords.parse(
                    tesseract.run(png, dpi, PAGE_SEGMENTATION, budget, dir), null, 0, 0, 1f));
            if (!inked.isEmpty()) {
                words = mergeGrid(words, inked, readCells(image, dpi, remaining(budget, started), dir, inked));
            }
            List<Rectangle> doubtful = CellReread.doubtfulCells(words, cells);
            if (!doubtful.isEmpty()) {
                words = rereadCells(image, dpi, remaining(budget, started), dir, words, doubtful);
            }
            return TsvWords.glyphs(words, 72f / dpi);
        } catch (IOException e) {
            throw new ExtractionException(FailureReason.OCR_UNAVAILABLE, "cannot run " + describe() + ": "
                    + e.getMessage(), e);
        } finally {
            deleteTree(dir);
        }
    }

    private static Duration remaining(Duration budget, long started) throws ExtractionException {
        Duration left = budget.minusNanos(System.nanoTime() - started);
        if (left.isNegative() || left.isZero()) {
            throw new ExtractionException(FailureReason.TIMEOUT,
                    "OCR of one page took longer than " + budget.toSeconds() + " s");
        }
        return left;
    }

    /**
     * Reads every inked grid cell on its own, one image each in one Tesseract run as a uniform block ({@code --psm
     * 6}): a table read as sparse text loses lone digits and runs the digits of neighbouring cells into one word.
     * Returns the words of each cell, in the order of {@code grid}.
     */
    private List<List<TsvWords.Word>> readCells(BufferedImage image, float dpi, Duration budget, Path dir,
            List<Rectangle> grid) throws ExtractionException, IOException {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < grid.size(); i++) {
            Path crop = dir.resolve("grid-" + i + ".png");
            ImageIO.write(CellReread.cutOut(image, grid.get(i), 1), "png", crop.toFile());
            list.append(crop).append('\n');
        }
        Path listFile = dir.resolve("grid.txt");
        Files.writeString(listFile, list.toString(), StandardCharsets.UTF_8);
        Interruption.check();
        List<String> tsv = tesseract.run(listFile, dpi, CELL_SEGMENTATION, budget, dir);
        List<List<TsvWords.Word>> perCell = new ArrayList<>();
        List<Integer> heights = new ArrayList<>();
        for (int i = 0; i < grid.size(); i++) {
            Rectangle cell = grid.get(i);
            List<TsvWords.Word> read = TsvWords.parse(tsv, Integer.toString(i + 1), cell.x - CellReread.CELL_PADDING,
                    cell.y - CellReread.CELL_PADDING, 1f);
            perCell.add(read);
            read.forEach(word -> heights.add(word.height()));
        }
        heights.sort(null);
        int lineHeight = heights.isEmpty() ? 0 : heights.get(heights.size() / 2);
        List<List<TsvWords.Word>> result = new ArrayList<>();
        for (int i = 0; i < grid.size(); i++) {
            Rectangle cell = grid.get(i);
            List<TsvWords.Word> read = perCell.get(i);
            List<TsvWords.Word> words = new ArrayList<>();
            result.add(words);
            boolean oneLine = read.stream().map(TsvWords.Word::lineId).distinct().count() == 1;
            for (TsvWords.Word word : read) {
                // A cell of one line is centred in its row: its words get the row's middle, so that the label and
                // the numbers of a row, read as separate images, share a baseline. Line ids of their own: a later
                // re-read of doubtful cells numbers its images from 1 again.
                int top = oneLine ? cell.y + cell.height / 2 - lineHeight / 2 : word.top();
                int height = oneLine ? lineHeight : word.height();
                words.add(new TsvWords.Word(word.left(), top, word.width(), height, word.confidence(), word.text(),
                        "grid/" + word.lineId()));
            }
        }
        return result;
    }

    /**
     * The page words with each grid cell's own reading merged in. A page word running out of its cell (the digits of
     * neighbouring cells read as one word) is dropped. In each cell the cell's own reading replaces the page words
     * unless it is less confident by more than {@link #CONFIDENCE_TIE} or drops Chinese characters the page pass read with confidence there (a cell read
     * alone sometimes loses the short lines of a wrapped label); a cell the page pass left empty (a lone digit) takes
     * the cell's reading.
     */
    static List<TsvWords.Word> mergeGrid(List<TsvWords.Word> page, List<Rectangle> grid,
            List<List<TsvWords.Word>> perCell) {
        List<TsvWords.Word> result = new ArrayList<>();
        for (TsvWords.Word word : page) {
            Rectangle cell = cellOf(word, grid);
            boolean overflows = cell != null && (word.left() < cell.x - OVERFLOW
                    || word.left() + word.width() > cell.x + cell.width + OVERFLOW);
            if (!overflows) {
                result.add(word);
            }
        }
        for (int i = 0; i < grid.size(); i++) {
            Rectangle cell = grid.get(i);
            List<TsvWords.Word> own = perCell.get(i);
            List<TsvWords.Word> inCell = result.stream().filter(w -> cell.contains(w.left() + w.width() / 2,
                    w.top() + w.height() / 2)).toList();
            if (!own.isEmpty() && (inCell.isEmpty()
                    || CellReread.confidence(own) >= CellReread.confidence(inCell) - CONFIDENCE_TIE
                            && CellReread.keepsConfidentCharacters(own, inCell))) {
                result.removeAll(inCell);
                result.addAll(own);
            }
        }
        return result;
    }

    /**
     * Mean confidence (0 to 100) by which the page pass must beat a cell's own reading to keep its words there. The
     * sparse page pass ({@code --psm 11}) splits a character of two side-by-side parts into two pieces and drops one
     * (情 read as 青, at the same confidence as its neighbours), so a near tie goes to the reading made for the cell.
     */
    static final double CONFIDENCE_TIE = 5;

    /** Pixels a page word may reach past its cell's inside before it counts as running into the next cell. */
    private static final int OVERFLOW = 6;

    private static Rectangle cellOf(TsvWords.Word word, List<Rectangle> grid) {
        for (Rectangle cell : grid) {
            if (cell.contains(word.left() + word.width() / 2, word.top() + word.height() / 2)) {
                return cell;
            }
        }
        return null;
    }

    /** Reads the cells again, one image each in one Tesseract run, and keeps per cell the more confident reading. */
    private List<TsvWords.Word> rereadCells(BufferedImage image, float dpi, Duration budget, Path dir,
            List<TsvWords.Word> words, List<Rectangle> doubtful) throws ExtractionException, IOException {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < doubtful.size(); i++) {
            Path crop = dir.resolve("cell-" + i + ".png");
            ImageIO.write(CellReread.enlarged(image, doubtful.get(i)), "png", crop.toFile());
            list.append(crop).append('\n');
        }
        Path listFile = dir.resolve("cells.txt");
        Files.writeString(listFile, list.toString(), StandardCharsets.UTF_8);
        Interruption.check();
        List<String> tsv;
        try {
            tsv = tesseract.run(listFile, dpi * CellReread.CELL_SCALE, CELL_SEGMENTATION, budget, dir);
        } catch (ExtractionException e) {
            if (e.reason() == FailureReason.TIMEOUT) {
                throw e;
            }
            return words; // the cell pass only improves the page reading, which stands without it
        }
        return CellReread.merge(words, doubtful, tsv);
    }

    /** Word rows (level 5) of Tesseract's TSV: level page block par line word left top width height conf text. */
    static List<Glyph> parseTsv(List<String> lines, float pointsPerPixel) {
        return TsvWords.glyphs(TsvWords.parse(lines, null, 0, 0, 1f), pointsPerPixel);
    }

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        File[] files = dir.toFile().listFiles();
        if (files != null) {
            for (File file : files) {
                if (!file.delete() && file.exists()) {
                    file.deleteOnExit();
                }
            }
        }
        File folder = dir.toFile();
        if (!folder.delete() && folder.exists()) {
            folder.deleteOnExit();
        }
    }
}

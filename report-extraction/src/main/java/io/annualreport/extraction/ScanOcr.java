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

import io.annualreport.model.document.TextLine;
import io.annualreport.model.event.FailureReason;

import ai.onnxruntime.OrtException;

/**
 * OCR of a scanned page. By default the page's text is read by PaddleOCR's PP-OCRv4 models in the JVM ({@link
 * PaddleText}: its lines found, cut at the table's cell borders, read with a probability per character), and the
 * number cells of a table grid are read as one line of digits each by Tesseract's English model ({@link NumberCells}),
 * checked against the PP-OCR reading of the same cell as digits: a number is certain only where two engines agree.
 * {@link #tesseractOnly} reads the text through the {@code tesseract} command line ({@link TesseractProcess}) instead:
 * the page as sparse text ({@code --psm 11}), the text cells again as blocks, doubtful text cells once more enlarged
 * ({@link CellReread}); it is what runs where the models cannot load. Every glyph keeps its word's confidence, so that
 * the parser can mark cells read with doubt.
 */
public final class ScanOcr implements OcrEngine {

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

    /** The line id prefix of the words of number cells read as digits. */
    private static final String NUMBER_LINE = "number/";

    /** A page with at least this many grid cells holding ink has its cells read one by one. */
    static final int MIN_GRID_CELLS = 4;

    private final TesseractProcess tesseract;
    /** The number cells' reader: English, whose model reads digits far more surely than Chinese's. */
    private final TesseractProcess digits;
    /** The page's text read by PP-OCRv4 in place of the Chinese Tesseract passes; null to use those. */
    private final PaddleText paddle;

    /** Tesseract from the PATH with simplified Chinese, the page's text read by PP-OCRv4. */
    public ScanOcr() {
        this("tesseract", "chi_sim");
    }

    /** The given Tesseract command and language for numbers, the page's text read by PP-OCRv4. */
    public ScanOcr(String command, String language) {
        this(command, language, true);
    }

    /** Tesseract alone: the page pass, the cells read as blocks and the doubtful cells read enlarged. */
    public static ScanOcr tesseractOnly(String command, String language) {
        return new ScanOcr(command, language, false);
    }

    private ScanOcr(String command, String language, boolean paddleText) {
        this.tesseract = new TesseractProcess(command, language);
        this.digits = new TesseractProcess(command, NumberCells.LANGUAGE);
        PaddleModels models = paddleText ? PaddleModels.get() : null;
        this.paddle = models == null ? null : new PaddleText(models);
    }

    @Override
    public boolean available() {
        return tesseract.available();
    }

    @Override
    public String describe() {
        return paddle != null
                ? "PP-OCRv4 (ONNX Runtime) for text, " + tesseract.describe() + " for numbers"
                : tesseract.describe() + (PaddleModels.failure() == null
                        ? ""
                        : " (PP-OCRv4 models not loaded: " + PaddleModels.failure() + ")");
    }

    @Override
    public List<Glyph> read(BufferedImage image, float dpi, Duration budget) throws ExtractionException {
        return read(image, dpi, budget, TableCells.NONE);
    }

    /**
     * Reads the page as sparse text; on a page with a grid, reads the text cells again as blocks ({@link #mergeGrid})
     * and the number cells as digits ({@link NumberCells}); then reads again, enlarged, the text cells that hold a word
     * read with low confidence ({@link CellReread}). Glyphs are in points of the page ({@code 72 / dpi} per pixel),
     * from its top-left corner.
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
            Interruption.check();
            List<TsvWords.Word> words;
            List<TsvWords.Word> paddleDigits = List.of();
            if (paddle != null) {
                PaddleText.PageReading reading = paddle.read(image, inked, started + budget.toNanos());
                words = new ArrayList<>(reading.words());
                paddleDigits = reading.digits();
            } else {
                Path pageFile = dir.resolve("page.pgm");
                Pgm.write(image, pageFile);
                words = new ArrayList<>(TsvWords.parse(
                        tesseract.run(pageFile, dpi, PAGE_SEGMENTATION, budget, dir), null, 0, 0, 1f));
            }
            if (!inked.isEmpty() && paddle != null) {
                words = readNumbers(image, dpi, remaining(budget, started), dir, words, inked,
                        lineHeight(List.of(), words), paddleDigits);
            } else if (!inked.isEmpty()) {
                words = withoutOverflowing(words, inked);
                // Cells the page pass read as text, or not at all, are read again as blocks; those it read as digits
                // are read as numbers below, with the page pass's reading as their second opinion.
                List<Rectangle> text = new ArrayList<>();
                List<TsvWords.Word> pageWords = words;
                List<List<TsvWords.Word>> readings = inked.stream().map(cell -> wordsIn(pageWords, cell)).toList();
                List<Boolean> column = NumberCells.inNumberColumn(inked, readings);
                for (int i = 0; i < inked.size(); i++) {
                    List<TsvWords.Word> inCell = readings.get(i);
                    if (inCell.isEmpty() || !NumberCells.isCandidate(inCell)
                            && !(column.get(i) && NumberCells.isShort(inCell))) {
                        text.add(inked.get(i));
                    }
                }
                List<List<TsvWords.Word>> own = text.isEmpty()
                        ? List.of()
                        : readCells(image, dpi, remaining(budget, started), dir, text);
                words = mergeGrid(words, text, own);
                words = readNumbers(image, dpi, remaining(budget, started), dir, words, inked,
                        lineHeight(own, words), List.of());
            }
            // number cells were judged by their own passes: a doubt there stands, not re-read away
            List<Rectangle> doubtful = paddle != null
                    ? List.of()
                    : CellReread.doubtfulCells(
                            words.stream().filter(w -> !w.lineId().startsWith(NUMBER_LINE)).toList(), cells);
            if (!doubtful.isEmpty()) {
                words = rereadCells(image, dpi, remaining(budget, started), dir, words, doubtful);
            }
            if (!inked.isEmpty()) {
                words = markIllegible(image, words, inked);
            }
            return TsvWords.glyphs(words, 72f / dpi);
        } catch (IOException e) {
            throw new ExtractionException(FailureReason.OCR_UNAVAILABLE, "cannot run " + describe() + ": "
                    + e.getMessage(), e);
        } catch (OrtException e) {
            throw new ExtractionException(FailureReason.OCR_UNAVAILABLE, "cannot run the PP-OCR models: "
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
     * Reads grid cells on their own, one image each in one Tesseract run as a uniform block ({@code --psm 6}): the
     * sparse page pass splits characters of two side-by-side parts and loses words of wrapped labels. Returns the words
     * of each cell, in the order of {@code grid}.
     */
    private List<List<TsvWords.Word>> readCells(BufferedImage image, float dpi, Duration budget, Path dir,
            List<Rectangle> grid) throws ExtractionException, IOException {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < grid.size(); i++) {
            Path crop = dir.resolve("grid-" + i + ".pgm");
            Pgm.write(CellReread.cutOut(image, grid.get(i), 1), crop);
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
        List<TsvWords.Word> result = withoutOverflowing(page, grid);
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

    /**
     * Reads the number cells of the grid ({@link NumberCells}: inked cells where no Chinese character was read) again
     * as one line each restricted to digits, all in one Tesseract run, and puts the judged reading in place of the
     * cell's words: a lone digit that the page and block passes lost is found, and a number two passes read alike is
     * confident while one they read differently is doubtful.
     */
    private List<TsvWords.Word> readNumbers(BufferedImage image, float dpi, Duration budget, Path dir,
            List<TsvWords.Word> words, List<Rectangle> inked, int lineHeight, List<TsvWords.Word> paddleDigits)
            throws ExtractionException, IOException, OrtException {
        List<Rectangle> numeric = new ArrayList<>();
        List<List<TsvWords.Word>> before = new ArrayList<>();
        List<List<TsvWords.Word>> readings = inked.stream().map(cell -> wordsIn(words, cell)).toList();
        List<Boolean> column = NumberCells.inNumberColumn(inked, readings);
        for (int i = 0; i < inked.size(); i++) {
            List<TsvWords.Word> inCell = readings.get(i);
            if (NumberCells.isCandidate(inCell) || column.get(i) && NumberCells.isShort(inCell)
                    || paddle != null && NumberCells.isLetterMisread(inCell)) {
                numeric.add(inked.get(i));
                before.add(inCell);
            }
        }
        if (numeric.isEmpty()) {
            return words;
        }
        List<Rectangle> inks = numeric.stream().map(cell -> NumberCells.ink(image, cell)).toList();
        if (lineHeight <= 0) {
            // nothing read anywhere in the grid: the digits' own ink gives the height of a line
            int[] heights = inks.stream().filter(java.util.Objects::nonNull).mapToInt(r -> r.height).sorted()
                    .toArray();
            lineHeight = heights.length == 0 ? 0 : heights[heights.length / 2];
        }
        // each number cut out around its ink (a line's height of white about it), not the whole cell: a lone digit
        // in a wide or tall cell is otherwise sometimes not found at all
        List<Rectangle> crops = new ArrayList<>();
        StringBuilder list = new StringBuilder();
        List<List<TsvWords.Word>> opinions = new ArrayList<>(before);
        for (int i = 0; i < numeric.size(); i++) {
            Rectangle crop = NumberCells.around(numeric.get(i), inks.get(i), lineHeight);
            crops.add(crop);
            if (paddle != null && (NumberCells.isCandidate(before.get(i))
                    || NumberCells.isLetterMisread(before.get(i)))) {
                // the recogniser's reading as digits is the opinion the English digits are checked with (a cell it
                // read as words keeps that reading: a short text in a column of numbers stays text)
                List<TsvWords.Word> asDigits = wordsIn(paddleDigits, numeric.get(i));
                if (!NumberCells.hasDigit(asDigits) && inks.get(i) != null) {
                    asDigits = paddle.readDigits(image, crop, "pp-number/" + i);
                }
                opinions.set(i, asDigits);
            }
            Path file = dir.resolve("number-" + i + ".pgm");
            Pgm.write(CellReread.cutOut(image, crop, 1), file);
            list.append(file).append('\n');
        }
        Path listFile = dir.resolve("numbers.txt");
        Files.writeString(listFile, list.toString(), StandardCharsets.UTF_8);
        Interruption.check();
        List<String> tsv;
        try {
            tsv = (digits.available() ? digits : tesseract).run(listFile, dpi, NumberCells.SEGMENTATION, budget, dir,
                    List.of("tessedit_char_whitelist=" + NumberCells.WHITELIST));
        } catch (ExtractionException e) {
            if (e.reason() == FailureReason.TIMEOUT) {
                throw e;
            }
            return words; // the number pass only improves the other readings, which stand without it
        }
        List<List<TsvWords.Word>> digitReadings = new ArrayList<>();
        for (int i = 0; i < numeric.size(); i++) {
            Rectangle crop = crops.get(i);
            List<TsvWords.Word> read = TsvWords.parse(tsv, Integer.toString(i + 1),
                    crop.x - CellReread.CELL_PADDING, crop.y - CellReread.CELL_PADDING, 1f);
            if (paddle != null && !NumberCells.hasOpinion(read) && NumberCells.hasOpinion(opinions.get(i))) {
                // the English digits found nothing (or had no opinion): the recogniser's digits are the reading, to
                // be checked below by the Chinese model
                read = opinions.get(i);
                opinions.set(i, List.of());
            }
            digitReadings.add(read);
        }
        // Where the page and block passes gave no digits to compare with (nothing, a "|", 又 for a 3), the number is
        // read once more in the page's language: only two readings that agree make it certain.
        List<Integer> unchecked = new ArrayList<>();
        for (int i = 0; i < numeric.size(); i++) {
            if (!NumberCells.hasOpinion(opinions.get(i))) {
                unchecked.add(i);
            }
        }
        List<String> second = List.of();
        if (!unchecked.isEmpty() && digits.available()) {
            StringBuilder again = new StringBuilder();
            for (int i : unchecked) {
                again.append(dir.resolve("number-" + i + ".pgm")).append('\n');
            }
            Path againFile = dir.resolve("numbers-again.txt");
            Files.writeString(againFile, again.toString(), StandardCharsets.UTF_8);
            try {
                second = tesseract.run(againFile, dpi, NumberCells.SEGMENTATION, budget, dir,
                        List.of("tessedit_char_whitelist=" + NumberCells.WHITELIST));
            } catch (ExtractionException e) {
                if (e.reason() == FailureReason.TIMEOUT) {
                    throw e;
                }
                // without the second reading these numbers stay doubtful
            }
        }
        List<TsvWords.Word> result = new ArrayList<>(words);
        for (int i = 0; i < numeric.size(); i++) {
            Rectangle cell = numeric.get(i);
            Rectangle crop = crops.get(i);
            List<TsvWords.Word> digits = digitReadings.get(i);
            int again = unchecked.indexOf(i);
            List<TsvWords.Word> check = again < 0
                    ? List.of()
                    : TsvWords.parse(second, Integer.toString(again + 1),
                            crop.x - CellReread.CELL_PADDING, crop.y - CellReread.CELL_PADDING, 1f);
            TsvWords.Word number = NumberCells.decide(cell, opinions.get(i), digits, check, inks.get(i),
                    lineHeight, cell.y + cell.height / 2 - lineHeight / 2, NUMBER_LINE + i);
            if (number != null) {
                result.removeAll(before.get(i));
                result.add(number);
            }
        }
        return result;
    }

    /**
     * After every pass: a number cell (in a column and a row of numbers) whose ink, as tall as a digit, no pass read
     * as anything but readings without an opinion ("," at 0 for a thin 1, 业2 at 0 for +2, or nothing) gets the
     * illegible mark in its place, so that its row keeps its columns; the parser reads it as a doubtful cell.
     */
    private static List<TsvWords.Word> markIllegible(BufferedImage image, List<TsvWords.Word> words,
            List<Rectangle> inked) {
        List<List<TsvWords.Word>> readings = inked.stream().map(cell -> wordsIn(words, cell)).toList();
        List<Boolean> column = NumberCells.inNumberColumn(inked, readings);
        int lineHeight = lineHeight(List.of(), words);
        List<TsvWords.Word> result = null;
        for (int i = 0; i < inked.size(); i++) {
            Rectangle cell = inked.get(i);
            if (!column.get(i) || !NumberCells.inNumberRow(inked, readings, i)
                    || !NumberCells.illegible(readings.get(i), NumberCells.ink(image, cell), lineHeight)) {
                continue;
            }
            if (result == null) {
                result = new ArrayList<>(words);
            }
            result.removeAll(readings.get(i));
            result.add(new TsvWords.Word(cell.x + cell.width / 2 - lineHeight / 2,
                    cell.y + cell.height / 2 - lineHeight / 2, lineHeight, lineHeight, 0f, TextLine.ILLEGIBLE,
                    NUMBER_LINE + "illegible-" + i));
        }
        return result == null ? words : result;
    }

    private static List<TsvWords.Word> wordsIn(List<TsvWords.Word> words, Rectangle cell) {
        return words.stream().filter(w -> cell.contains(w.left() + w.width() / 2, w.top() + w.height() / 2))
                .toList();
    }

    /**
     * The median height of the words read in the grid cells (a line of table text), else of the words of the page; 0
     * without words.
     */
    private static int lineHeight(List<List<TsvWords.Word>> perCell, List<TsvWords.Word> page) {
        List<Integer> heights = new ArrayList<>();
        perCell.forEach(cell -> cell.forEach(word -> heights.add(word.height())));
        if (heights.isEmpty()) {
            page.forEach(word -> heights.add(word.height()));
        }
        heights.sort(null);
        return heights.isEmpty() ? 0 : heights.get(heights.size() / 2);
    }

    /** The page words without those running out of their grid cell (the digits of neighbouring cells read as one). */
    static List<TsvWords.Word> withoutOverflowing(List<TsvWords.Word> page, List<Rectangle> grid) {
        List<TsvWords.Word> result = new ArrayList<>();
        for (TsvWords.Word word : page) {
            Rectangle cell = cellOf(word, grid);
            boolean overflows = cell != null && (word.left() < cell.x - OVERFLOW
                    || word.left() + word.width() > cell.x + cell.width + OVERFLOW);
            if (!overflows) {
                result.add(word);
            }
        }
        return result;
    }

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
            Path crop = dir.resolve("cell-" + i + ".pgm");
            Pgm.write(CellReread.enlarged(image, doubtful.get(i)), crop);
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

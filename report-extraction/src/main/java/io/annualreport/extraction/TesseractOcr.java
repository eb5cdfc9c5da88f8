package io.annualreport.extraction;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import io.annualreport.model.event.FailureReason;

/**
 * OCR through the {@code tesseract} command line: one process per page, single-threaded ({@code OMP_THREAD_LIMIT=1}),
 * sparse-text segmentation ({@code --psm 11}: every word is found
 * wherever it stands, so table cells are not merged into one block; rows are rebuilt from the word boxes later),
 * interword spaces preserved so CJK words stay unspaced, words read from the TSV output with their boxes and
 * confidence. Table cells holding a doubtful word are then read again on their own (see
 * {@link #read(BufferedImage, float, Duration, TableCells)}). A process is killed when the page budget ends or the
 * calling thread is interrupted.
 */
public final class TesseractOcr implements OcrEngine {

    /** Sparse text: finds words in table cells that the automatic page layout (3) or one block (6) misreads. */
    static final String PAGE_SEGMENTATION = "11";
    /** A cell read again on its own is one uniform block of text (one or more wrapped lines). */
    static final String CELL_SEGMENTATION = "6";
    /** A word read with less confidence than this (0 to 100) has its table cell read again. */
    static final float DOUBTFUL_CONFIDENCE = 70f;
    /** Cells read again per page at most, to bound the cost of a page read badly throughout. */
    static final int MAX_REREAD_CELLS = 40;
    /** A cell read again is enlarged this many times. */
    static final int CELL_SCALE = 2;
    /** White margin (pixels of the enlarged cell) around a cell read again. */
    static final int CELL_PADDING = 24;

    private final String command;
    private final String language;
    private volatile Boolean available;

    /** Tesseract from the PATH with simplified Chinese. */
    public TesseractOcr() {
        this("tesseract", "chi_sim");
    }

    public TesseractOcr(String command, String language) {
        this.command = command;
        this.language = language;
    }

    @Override
    public boolean available() {
        Boolean known = available;
        if (known == null) {
            known = probe();
            available = known;
        }
        return known;
    }

    private boolean probe() {
        try {
            Process process = new ProcessBuilder(command, "--list-langs").redirectErrorStream(true).start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            String langs = new String(out, StandardCharsets.UTF_8);
            return process.exitValue() == 0 && langs.lines().anyMatch(l -> l.strip().equals(language));
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public String describe() {
        return command + " -l " + language;
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
            Path png = dir.resolve("page.png");
            ImageIO.write(image, "png", png.toFile());
            Interruption.check();
            List<Word> words = parseWords(run(png, dpi, PAGE_SEGMENTATION, budget, dir), null, 0, 0, 1f);
            List<Rectangle> doubtful = doubtfulCells(words, cells);
            if (!doubtful.isEmpty()) {
                Duration left = budget.minusNanos(System.nanoTime() - started);
                if (left.isNegative() || left.isZero()) {
                    throw new ExtractionException(FailureReason.TIMEOUT,
                            "OCR of one page took longer than " + budget.toSeconds() + " s");
                }
                words = rereadCells(image, dpi, left, dir, words, doubtful);
            }
            return glyphs(words, 72f / dpi);
        } catch (IOException e) {
            throw new ExtractionException(FailureReason.OCR_UNAVAILABLE, "cannot run " + describe() + ": "
                    + e.getMessage(), e);
        } finally {
            deleteTree(dir);
        }
    }

    /** The distinct cells that hold a word read with less than {@link #DOUBTFUL_CONFIDENCE}, at most {@link #MAX_REREAD_CELLS}. */
    private static List<Rectangle> doubtfulCells(List<Word> words, TableCells cells) {
        List<Rectangle> doubtful = new ArrayList<>();
        for (Word word : words) {
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

    /** Reads the cells again, one image each in one Tesseract run, and keeps per cell the more confident reading. */
    private List<Word> rereadCells(BufferedImage image, float dpi, Duration budget, Path dir, List<Word> words,
            List<Rectangle> doubtful) throws ExtractionException, IOException {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < doubtful.size(); i++) {
            Path crop = dir.resolve("cell-" + i + ".png");
            ImageIO.write(enlarged(image, doubtful.get(i)), "png", crop.toFile());
            list.append(crop).append('\n');
        }
        Path listFile = dir.resolve("cells.txt");
        Files.writeString(listFile, list.toString(), StandardCharsets.UTF_8);
        Interruption.check();
        List<String> tsv;
        try {
            tsv = run(listFile, dpi * CELL_SCALE, CELL_SEGMENTATION, budget, dir);
        } catch (ExtractionException e) {
            if (e.reason() == FailureReason.TIMEOUT) {
                throw e;
            }
            return words; // the cell pass only improves the page reading, which stands without it
        }
        List<Word> result = new ArrayList<>(words);
        for (int i = 0; i < doubtful.size(); i++) {
            Rectangle cell = doubtful.get(i);
            List<Word> reread = parseWords(tsv, Integer.toString(i + 1), cell.x - CELL_PADDING / CELL_SCALE,
                    cell.y - CELL_PADDING / CELL_SCALE, 1f / CELL_SCALE);
            List<Word> inCell = result.stream().filter(w -> cell.contains(w.left() + w.width() / 2,
                    w.top() + w.height() / 2)).toList();
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
    private static boolean keepsConfidentCharacters(List<Word> reread, List<Word> page) {
        long confident = page.stream().filter(word -> word.confidence() >= DOUBTFUL_CONFIDENCE)
                .mapToLong(word -> hanCount(word.text())).sum();
        return reread.stream().mapToLong(word -> hanCount(word.text())).sum() >= confident;
    }

    private static long hanCount(String text) {
        return text.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).count();
    }

    /** The cell cut out of the page, enlarged {@link #CELL_SCALE} times, on a white margin. */
    private static BufferedImage enlarged(BufferedImage page, Rectangle cell) {
        int width = cell.width * CELL_SCALE + 2 * CELL_PADDING;
        int height = cell.height * CELL_SCALE + 2 * CELL_PADDING;
        BufferedImage crop = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = crop.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.drawImage(page, CELL_PADDING, CELL_PADDING, CELL_PADDING + cell.width * CELL_SCALE,
                    CELL_PADDING + cell.height * CELL_SCALE, cell.x, cell.y, cell.x + cell.width,
                    cell.y + cell.height, null);
        } finally {
            g.dispose();
        }
        return crop;
    }

    /** The words' mean confidence weighted by their length in characters; -1 without words. */
    private static double confidence(List<Word> words) {
        double sum = 0;
        int characters = 0;
        for (Word word : words) {
            int length = word.text().codePointCount(0, word.text().length());
            sum += word.confidence() * length;
            characters += length;
        }
        return characters == 0 ? -1 : sum / characters;
    }

    /** Runs Tesseract on an image (or a list of images) and returns its TSV lines; killed past the budget. */
    private List<String> run(Path input, float dpi, String segmentation, Duration budget, Path dir)
            throws ExtractionException, IOException {
        Process process = null;
        try {
            ProcessBuilder builder = new ProcessBuilder(command, input.toString(), "stdout", "-l", language, "--dpi",
                    Integer.toString(Math.round(dpi)), "--psm", segmentation, "-c", "preserve_interword_spaces=1",
                    "tsv");
            builder.environment().put("OMP_THREAD_LIMIT", "1");
            builder.redirectError(ProcessBuilder.Redirect.DISCARD);
            process = builder.start();
            Process running = process;
            Path output = Files.createTempFile(dir, "ocr-", ".tsv");
            Thread copier = new Thread(() -> copy(running, output), "tesseract-output");
            copier.setDaemon(true);
            copier.start();
            Duration wait = Interruption.remaining(budget);
            if (!process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ExtractionException(FailureReason.TIMEOUT, wait.compareTo(budget) < 0
                        ? "OCR ran past the document budget"
                        : "OCR of one page took longer than " + budget.toSeconds() + " s");
            }
            copier.join(5_000);
            if (process.exitValue() != 0) {
                throw new ExtractionException(FailureReason.CORRUPT,
                        "tesseract failed with exit code " + process.exitValue());
            }
            return Files.readAllLines(output, StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExtractionException(FailureReason.TIMEOUT, "OCR was interrupted at the document budget", e);
        } finally {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
            }
        }
    }

    private static void copy(Process process, Path output) {
        try (var in = process.getInputStream()) {
            Files.copy(in, output, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // the process was killed; the caller reports the timeout
        }
    }

    /**
     * A word read by Tesseract, in page pixels.
     *
     * @param lineId the Tesseract line (image, block, paragraph, line) the word belongs to
     */
    private record Word(int left, int top, int width, int height, float confidence, String text, String lineId) {
    }

    /** Word rows (level 5) of Tesseract's TSV: level page block par line word left top width height conf text. */
    static List<Glyph> parseTsv(List<String> lines, float pointsPerPixel) {
        return glyphs(parseWords(lines, null, 0, 0, 1f), pointsPerPixel);
    }

    /** The words in points, each line's words on one baseline, tiny and stretched boxes evened out. */
    private static List<Glyph> glyphs(List<Word> words, float pointsPerPixel) {
        List<Glyph> glyphs = new ArrayList<>(words.size());
        List<Float> heights = new ArrayList<>(words.size());
        List<String> lineIds = new ArrayList<>(words.size());
        for (Word word : words) {
            float left = word.left() * pointsPerPixel;
            float top = word.top() * pointsPerPixel;
            float height = word.height() * pointsPerPixel;
            glyphs.add(new Glyph(left, left + word.width() * pointsPerPixel, top + height, Math.max(height, 1f),
                    word.text()));
            heights.add(height);
            lineIds.add(word.lineId());
        }
        return alignLines(evenHeights(glyphs, heights), lineIds);
    }

    /**
     * The words of the TSV (of one image of a list when {@code image} is given), moved into page pixels: page x =
     * offsetX + x * scale.
     */
    private static List<Word> parseWords(List<String> lines, String image, float offsetX, float offsetY,
            float scale) {
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
            aligned.add(new Glyph(word.x(), word.endX(), line.get(line.size() / 2), word.size(), word.text()));
        }
        return aligned;
    }

    /**
     * Words much lower than the page's median word (一, 、, -, a dot: boxes hug the ink) get the median height around
     * their middle, and one or two characters in a box stretched far taller get it from their top, so that their
     * baseline and size match the other words of their row.
     */
    private static List<Glyph> evenHeights(List<Glyph> words, List<Float> heights) {
        if (words.isEmpty()) {
            return words;
        }
        List<Float> sorted = new ArrayList<>(heights);
        sorted.sort(null);
        float median = sorted.get(sorted.size() / 2);
        List<Glyph> even = new ArrayList<>(words.size());
        for (Glyph word : words) {
            if (word.size() < 0.6f * median) {
                float middle = word.baseline() - word.size() / 2;
                even.add(new Glyph(word.x(), word.endX(), middle + median / 2, median, word.text()));
            } else if (word.size() > 1.5f * median && word.text().length() <= 2) {
                // A box stretched over a wrapped cell's next line: its character sits at the top.
                float top = word.baseline() - word.size();
                even.add(new Glyph(word.x(), word.endX(), top + median, median, word.text()));
            } else {
                even.add(word);
            }
        }
        return even;
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

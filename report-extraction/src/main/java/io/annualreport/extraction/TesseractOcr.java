package io.annualreport.extraction;

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
 * interword spaces preserved so CJK words stay unspaced, words read from the TSV output with their boxes. The process
 * is killed when the page budget ends or the calling thread is interrupted.
 */
public final class TesseractOcr implements OcrEngine {

    /** Sparse text: finds words in table cells that the automatic page layout (3) or one block (6) misreads. */
    static final String PAGE_SEGMENTATION = "11";

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
        if (!available()) {
            throw new ExtractionException(FailureReason.OCR_UNAVAILABLE, "the file needs OCR but '" + describe()
                    + "' cannot run here; install tesseract-ocr and tesseract-ocr-chi-sim");
        }
        Path png = null;
        Process process = null;
        try {
            png = Files.createTempFile("ocr-page-", ".png");
            ImageIO.write(image, "png", png.toFile());
            Interruption.check();
            ProcessBuilder builder = new ProcessBuilder(command, png.toString(), "stdout", "-l", language, "--dpi",
                    Integer.toString(Math.round(dpi)), "--psm", PAGE_SEGMENTATION, "-c", "preserve_interword_spaces=1",
                    "tsv");
            builder.environment().put("OMP_THREAD_LIMIT", "1");
            builder.redirectError(ProcessBuilder.Redirect.DISCARD);
            process = builder.start();
            Process running = process;
            Path output = Files.createTempFile("ocr-page-", ".tsv");
            try {
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
                return parseTsv(Files.readAllLines(output, StandardCharsets.UTF_8), 72f / dpi);
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new ExtractionException(FailureReason.OCR_UNAVAILABLE, "cannot run " + describe() + ": "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExtractionException(FailureReason.TIMEOUT, "OCR was interrupted at the document budget", e);
        } finally {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
            }
            deleteQuietly(png);
        }
    }

    private static void copy(Process process, Path output) {
        try (var in = process.getInputStream()) {
            Files.copy(in, output, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // the process was killed; the caller reports the timeout
        }
    }

    /** Word rows (level 5) of Tesseract's TSV: level page block par line word left top width height conf text. */
    static List<Glyph> parseTsv(List<String> lines, float pointsPerPixel) {
        List<Glyph> words = new ArrayList<>();
        List<Float> heights = new ArrayList<>();
        List<String> lineIds = new ArrayList<>();
        for (String line : lines) {
            String[] f = line.split("\t", -1);
            if (f.length < 12 || !"5".equals(f[0])) {
                continue;
            }
            String text = f[11].strip();
            if (text.isEmpty()) {
                continue;
            }
            try {
                float left = Integer.parseInt(f[6]) * pointsPerPixel;
                float top = Integer.parseInt(f[7]) * pointsPerPixel;
                float width = Integer.parseInt(f[8]) * pointsPerPixel;
                float height = Integer.parseInt(f[9]) * pointsPerPixel;
                words.add(new Glyph(left, left + width, top + height, Math.max(height, 1f), text));
                heights.add(height);
                lineIds.add(f[2] + '/' + f[3] + '/' + f[4]);
            } catch (NumberFormatException e) {
                // header or damaged row
            }
        }
        return alignLines(evenHeights(words, heights), lineIds);
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

    private static void deleteQuietly(Path path) {
        if (path != null) {
            File file = path.toFile();
            if (!file.delete() && file.exists()) {
                file.deleteOnExit();
            }
        }
    }
}

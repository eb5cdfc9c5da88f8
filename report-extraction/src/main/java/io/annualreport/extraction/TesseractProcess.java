package io.annualreport.extraction;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.annualreport.model.event.FailureReason;

/**
 * Runs the {@code tesseract} command line: probes whether it can run with the language, and reads an image (or a list
 * of images) into TSV lines, single-threaded ({@code OMP_THREAD_LIMIT=1}), killed when the budget ends or the calling
 * thread is interrupted.
 */
final class TesseractProcess {

    /**
     * Tesseract's own Sauvola binarisation (Leptonica's, window 0.33 in, k 0.34) instead of its default global Otsu:
     * on grey scans with noise and uneven paper a global threshold breaks large and thin characters apart.
     */
    static final int THRESHOLDING_SAUVOLA = 2;

    private final String command;
    private final String language;
    private volatile Boolean available;

    TesseractProcess(String command, String language) {
        this.command = command;
        this.language = language;
    }

    /** Whether the command runs and knows the language; probed once. */
    boolean available() {
        Boolean known = available;
        if (known == null) {
            known = probe();
            available = known;
        }
        return known;
    }

    String describe() {
        return command + " -l " + language;
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

    /**
     * Runs Tesseract on an image (or a text file listing images) and returns its TSV lines; killed past the budget.
     *
     * @param segmentation the page segmentation mode ({@code --psm})
     * @param dir a scratch directory for the output
     */
    List<String> run(Path input, float dpi, String segmentation, Duration budget, Path dir)
            throws ExtractionException, IOException {
        return run(input, dpi, segmentation, budget, dir, List.of());
    }

    /**
     * As {@link #run(Path, float, String, Duration, Path)}, with more Tesseract variables ({@code name=value}, each
     * passed with {@code -c}), such as a character whitelist.
     */
    List<String> run(Path input, float dpi, String segmentation, Duration budget, Path dir, List<String> variables)
            throws ExtractionException, IOException {
        Process process = null;
        try {
            List<String> arguments = new java.util.ArrayList<>(List.of(command, input.toString(), "stdout", "-l",
                    language, "--dpi", Integer.toString(Math.round(dpi)), "--psm", segmentation, "-c",
                    "preserve_interword_spaces=1", "-c", "thresholding_method=" + THRESHOLDING_SAUVOLA));
            for (String variable : variables) {
                arguments.add("-c");
                arguments.add(variable);
            }
            arguments.add("tsv");
            ProcessBuilder builder = new ProcessBuilder(arguments);
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
            Files.copy(in, output, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // the process was killed; the caller reports the timeout
        }
    }
}

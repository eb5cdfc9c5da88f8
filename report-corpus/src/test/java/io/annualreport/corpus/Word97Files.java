package io.annualreport.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Saves DOCX files as Word 97 {@code .doc} files through LibreOffice (soffice, headless), as agencies' Word files are
 * made: one soffice call for all files of a run, with a LibreOffice profile of its own in the run's folder so that
 * parallel runs do not share (and lock) one profile.
 */
final class Word97Files {

    private static final long TIMEOUT_MINUTES = 10;

    private Word97Files() {
    }

    /** Whether soffice can be started here. */
    static boolean available() {
        try {
            Process process = new ProcessBuilder("soffice", "--version").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(1, TimeUnit.MINUTES) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Converts every DOCX file to a {@code .doc} of the same base name in {@code folder}/doc, in one soffice call.
     *
     * @return the {@code .doc} files, in the order of {@code docx}
     */
    static List<Path> convert(List<Path> docx, Path folder) {
        try {
            Path out = Files.createDirectories(folder.resolve("doc"));
            Path profile = Files.createDirectories(folder.resolve("soffice-profile"));
            List<String> command = new ArrayList<>(List.of("soffice", "-env:UserInstallation=" + profile.toUri(),
                    "--headless", "--norestore", "--convert-to", "doc:MS Word 97", "--outdir", out.toString()));
            docx.forEach(f -> command.add(f.toString()));
            Path log = folder.resolve("soffice.log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                    .start();
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("soffice did not convert " + docx.size() + " files within "
                        + TIMEOUT_MINUTES + " minutes");
            }
            List<Path> converted = new ArrayList<>(docx.size());
            for (Path file : docx) {
                String name = file.getFileName().toString();
                Path doc = out.resolve(name.substring(0, name.lastIndexOf('.')) + ".doc");
                if (!Files.isRegularFile(doc)) {
                    // soffice may exit non-zero on harmless warnings; a missing output is what counts
                    throw new IllegalStateException("soffice (exit " + process.exitValue() + ") did not write " + doc
                            + ": " + Files.readString(log));
                }
                converted.add(doc);
            }
            return converted;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while converting with soffice", e);
        }
    }
}

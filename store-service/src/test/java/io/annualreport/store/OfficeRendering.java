package io.annualreport.store;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

import io.annualreport.testsupport.TestDirs;

/**
 * Opens exported Word documents with LibreOffice headless ({@code soffice --convert-to pdf}), as a person's word
 * processor would, and reads the PDF it renders with PDFBox. A missing soffice fails the test with how to install it
 * (never a skip): {@code scripts/install-system-deps.sh} installs it for the test tier.
 */
final class OfficeRendering {

    private static final long TIMEOUT_SECONDS = 180;

    private OfficeRendering() {
    }

    /** A rendered document: its page count and its text. */
    record Rendered(int pages, String text) {
    }

    /**
     * Converts every file to PDF with one soffice call (its own profile directory, so that parallel builds do not
     * share one) and returns each PDF's pages and text, in the order of the files.
     */
    static List<Rendered> toPdf(List<Path> files) throws IOException, InterruptedException {
        String soffice = soffice();
        Path work = TestDirs.fresh("soffice");
        Path out = Files.createDirectories(work.resolve("pdf"));
        List<String> command = new ArrayList<>(List.of(soffice,
                "-env:UserInstallation=" + work.resolve("profile").toUri(), "--headless", "--norestore",
                "--convert-to", "pdf", "--outdir", out.toString()));
        files.forEach(f -> command.add(f.toString()));
        Path log = work.resolve("soffice.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("soffice did not convert " + files + " within " + TIMEOUT_SECONDS + " s: "
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
        List<Rendered> rendered = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            Path pdf = out.resolve(name.substring(0, name.lastIndexOf('.')) + ".pdf");
            if (!Files.isRegularFile(pdf)) {
                fail("soffice (exit " + process.exitValue() + ") made no PDF of " + name + ": "
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
                rendered.add(new Rendered(document.getNumberOfPages(), new PDFTextStripper().getText(document)));
            }
        }
        return rendered;
    }

    /** The soffice executable on the PATH, or a failure saying how to install it. */
    private static String soffice() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator)) {
            for (String name : List.of("soffice", "libreoffice")) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return candidate.toString();
                }
            }
        }
        return fail("LibreOffice (soffice) is not on the PATH: the comparison DOCX must be opened by it."
                + " Install it with scripts/install-system-deps.sh (Debian: apt-get install libreoffice-writer-nogui)");
    }
}

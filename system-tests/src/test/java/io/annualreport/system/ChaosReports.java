package io.annualreport.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Makes N report files with distinct bytes (so N distinct report ids) from the repository's seeds and fixtures: text,
 * text PDFs, DOCX and scanned PDFs, in a fixed mix.
 */
final class ChaosReports {

    private ChaosReports() {
    }

    /**
     * Writes the files into a directory.
     *
     * @param scans whether to include scanned PDFs (OCR, slow): one in fifty
     */
    static List<Path> make(Path root, Path dir, int count, boolean scans) throws IOException {
        Path samples = root.resolve("samples");
        Path fixtures = root.resolve("report-extraction/src/test/resources/fixtures");
        List<Path> texts = list(samples.resolve("seeds"), ".txt");
        List<Path> pdfs = List.of(fixtures.resolve("000.pdf"), fixtures.resolve("001.pdf"),
                fixtures.resolve("002.pdf"), fixtures.resolve("003.pdf"));
        List<Path> docx = List.of(fixtures.resolve("000.docx"), fixtures.resolve("001.docx"),
                fixtures.resolve("002.docx"), fixtures.resolve("003.docx"));
        List<Path> scanned = List.of(fixtures.resolve("000-scanned.pdf"), fixtures.resolve("003-scanned.pdf"));
        Files.createDirectories(dir);
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String tag = "chaos-" + i;
            Path out;
            if (scans && i % 50 == 49) {
                out = appended(scanned.get(i % scanned.size()), dir.resolve(i + "-scan.pdf"), "\n%" + tag + "\n");
            } else if (i % 10 == 3) {
                out = appended(pdfs.get(i % pdfs.size()), dir.resolve(i + ".pdf"), "\n%" + tag + "\n");
            } else if (i % 10 == 7) {
                out = docxWithComment(docx.get(i % docx.size()), dir.resolve(i + ".docx"), tag);
            } else {
                out = appended(texts.get(i % texts.size()), dir.resolve(i + ".txt"), "\n" + tag + "\n");
            }
            files.add(out);
        }
        return files;
    }

    private static Path appended(Path source, Path target, String suffix) throws IOException {
        Files.copy(source, target);
        Files.write(target, suffix.getBytes(StandardCharsets.UTF_8), java.nio.file.StandardOpenOption.APPEND);
        return target;
    }

    /** A copy of a DOCX whose ZIP comment differs: other bytes, the same document. */
    private static Path docxWithComment(Path source, Path target, String comment) throws IOException {
        try (InputStream in = Files.newInputStream(source);
                ZipInputStream zin = new ZipInputStream(in);
                OutputStream out = Files.newOutputStream(target);
                ZipOutputStream zout = new ZipOutputStream(out)) {
            for (ZipEntry e; (e = zin.getNextEntry()) != null;) {
                zout.putNextEntry(new ZipEntry(e.getName()));
                zin.transferTo(zout);
                zout.closeEntry();
            }
            zout.setComment(comment);
        }
        return target;
    }

    private static List<Path> list(Path dir, String ending) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(ending)).sorted().toList();
        }
    }
}

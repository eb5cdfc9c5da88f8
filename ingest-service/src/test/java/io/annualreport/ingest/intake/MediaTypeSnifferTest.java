package io.annualreport.ingest.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MimeTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.annualreport.testsupport.Samples;

class MediaTypeSnifferTest {

    private final MediaTypeSniffer sniffer = new MediaTypeSniffer();

    @TempDir
    Path dir;

    @Test
    void shouldAgreeWithTikasFullDatabaseOnEverySampleAndFixture() throws IOException {
        // Given: every real sample, excerpt and extraction fixture (PDF, DOCX, DOC, HTML in four charsets, text in
        // three encodings, scans, hostile files), under their own names
        List<Path> files = new ArrayList<>();
        files.addAll(allFiles(Samples.root()));
        files.addAll(allFiles(projectRoot().resolve("report-extraction/src/test/resources")));
        assertThat(files).hasSizeGreaterThan(60);
        MimeTypes full = MimeTypes.getDefaultMimeTypes();
        List<String> disagreements = new ArrayList<>();

        // When
        for (Path file : files) {
            String expected = fullDetection(full, file);
            String actual = sniffer.detect(file, file.getFileName().toString());
            if (!expected.equals(actual)) {
                disagreements.add(file + ": Tika " + expected + ", sniffer " + actual);
            }
        }

        // Then
        assertThat(disagreements).isEmpty();
    }

    @Test
    void shouldTellTheTypeFromTheContentNotTheName() throws IOException {
        // Given: a real PDF named .docx, a real DOCX named .pdf, a GBK HTML page named .txt
        Path pdfAsDocx = copy(Samples.file("real/szfgs2024.pdf"), "report.docx");
        Path docxAsPdf = copy(projectRoot().resolve("report-extraction/src/test/resources/fixtures/000.docx"),
                "report.pdf");
        Path htmlAsTxt = copy(projectRoot().resolve("report-extraction/src/test/resources/fixtures/000-gbk.html"),
                "report.txt");

        // When / Then
        assertThat(sniffer.detect(pdfAsDocx, "report.docx")).isEqualTo("application/pdf");
        assertThat(sniffer.detect(docxAsPdf, "report.pdf")).isIn("application/x-tika-ooxml", "application/zip");
        assertThat(sniffer.detect(htmlAsTxt, "report.txt")).isEqualTo("text/html");
    }

    @Test
    void shouldAcceptSpreadsheetsOfExcelAndWps() throws IOException {
        // Given: an Excel 97 workbook (OLE2) as .xls and as a WPS Spreadsheets .et, an Office Open XML one as .xlsx
        Path xls = write("年报.xls", ole2Header());
        Path et = write("年报.et", ole2Header());
        Path xlsx = copy(projectRoot().resolve("report-extraction/src/test/resources/fixtures/000.docx"), "年报.xlsx");

        // When
        List<String> types = List.of(sniffer.detect(xls, "年报.xls"), sniffer.detect(et, "年报.et"),
                sniffer.detect(xlsx, "年报.xlsx"));

        // Then
        assertThat(types).allMatch(sniffer::isSupported);
    }

    /** The first sector of an OLE2 compound file: its signature, then zeros. */
    private static byte[] ole2Header() {
        byte[] header = new byte[512];
        byte[] signature = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        System.arraycopy(signature, 0, header, 0, signature.length);
        return header;
    }

    @Test
    void shouldNameCommonUnsupportedTypes() throws IOException {
        // Given: files people upload by mistake
        Path gif = write("photo.bin", new byte[]{'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0, 0, 0, 0});
        Path gzip = write("report.pdf", new byte[]{0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3});
        Path xml = write("data", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<root><a>1</a></root>\n"
                .getBytes(StandardCharsets.UTF_8));

        // When / Then
        assertThat(sniffer.detect(gif, "photo.bin")).isEqualTo("image/gif");
        assertThat(sniffer.isSupported("image/gif")).isFalse();
        assertThat(sniffer.detect(gzip, "report.pdf")).isEqualTo("application/gzip");
        assertThat(MediaTypeSniffer.isArchive("application/gzip")).isTrue();
        assertThat(sniffer.detect(xml, "data")).isEqualTo("application/xml");
        assertThat(sniffer.isSupported("application/xml")).isFalse();
    }

    @Test
    void shouldKeepEveryTypeOfTikasDatabase() {
        // Given
        MimeTypes full = MimeTypes.getDefaultMimeTypes();

        // When
        MimeTypes trimmed = TrimmedMimeTypes.load(MediaTypeSniffer.keptTypes());

        // Then: only costly patterns are gone, no type, alias or parent
        assertThat(trimmed.getMediaTypeRegistry().getTypes())
                .containsExactlyInAnyOrderElementsOf(full.getMediaTypeRegistry().getTypes());
    }

    private static String fullDetection(MimeTypes full, Path file) throws IOException {
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, file.getFileName().toString());
        try (InputStream in = Files.newInputStream(file)) {
            byte[] header = in.readNBytes(MediaTypeSniffer.HEADER_BYTES);
            return full.detect(new ByteArrayInputStream(header), metadata).getBaseType().toString();
        }
    }

    private static List<Path> allFiles(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static Path projectRoot() {
        return Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
    }

    private Path copy(Path source, String name) throws IOException {
        return Files.copy(source, dir.resolve(name));
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }
}

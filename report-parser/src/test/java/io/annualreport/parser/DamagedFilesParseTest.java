package io.annualreport.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.annualreport.extraction.ExtractionException;
import io.annualreport.extraction.TikaTextExtractor;
import io.annualreport.model.document.ExtractedDocument;
import io.annualreport.model.event.FailureReason;
import io.annualreport.model.report.Doubt;
import io.annualreport.model.report.ParsedReport;
import io.annualreport.model.report.PartReading;
import io.annualreport.model.report.ReadingStatus;
import io.annualreport.model.report.TableReading;

/**
 * Files cut short, made here from the rendered fixtures: the PDF of seed 002 saved by PDFBox without compressed
 * cross-references (so that a cut file is half readable) and its HTML page, each cut after a share of its bytes. Each
 * either fails as CORRUPT, or is read as an incomplete file: never a report that left its parts or tables out, every
 * cell marked as read from a damaged file.
 */
class DamagedFilesParseTest {

    private static final TikaTextExtractor TIKA = new TikaTextExtractor();

    @ParameterizedTest(name = "cut at {0}")
    @ValueSource(doubles = {0.05, 0.3, 0.6, 0.9})
    void shouldReadACutPdfAsIncompleteOrFailItAsCorrupt(double share) throws Exception {
        byte[] whole;
        try (PDDocument document = Loader.loadPDF(fixture("002.pdf").toFile());
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.save(out, CompressParameters.NO_COMPRESSION);
            whole = out.toByteArray();
        }
        shouldNeverReadACutFileAsAReportWithoutItsParts(cut(whole, share, "002-cut.pdf"));
    }

    @ParameterizedTest(name = "cut at {0}")
    @ValueSource(doubles = {0.2, 0.5, 0.8, 0.95})
    void shouldReadACutHtmlPageAsIncomplete(double share) throws Exception {
        shouldNeverReadACutFileAsAReportWithoutItsParts(
                cut(Files.readAllBytes(fixture("002.html")), share, "002-cut.html"));
    }

    private static void shouldNeverReadACutFileAsAReportWithoutItsParts(Path file) {
        // When
        ExtractedDocument document;
        try {
            document = TIKA.extract(file, file.getFileName().toString(), null);
        } catch (ExtractionException e) {
            // Then (unreadable)
            assertThat(e.reason()).isEqualTo(FailureReason.CORRUPT);
            assertThat(e.getMessage()).startsWith("文件不完整或已损坏");
            return;
        }
        ParsedReport report = new ReportParser().parse(document, ParseHints.none());

        // Then (read in part)
        assertThat(report.reading().fileComplete()).isFalse();
        assertThat(report.reading().damage()).isNotEmpty();
        assertThat(report.reading().parts()).extracting(PartReading::status).doesNotContain(ReadingStatus.ABSENT);
        assertThat(report.reading().tables()).extracting(TableReading::status).doesNotContain(ReadingStatus.ABSENT);
        // every cell doubtful: DAMAGED_FILE unless it already had a more particular doubt
        assertThat(report.cells().values()).allSatisfy(cell -> assertThat(cell.isCertain()).isFalse());
        if (!report.cells().isEmpty()) {
            assertThat(report.cells().values()).anySatisfy(c -> assertThat(c.doubt()).isEqualTo(Doubt.DAMAGED_FILE));
        }
    }

    private static Path cut(byte[] whole, double share, String name) throws Exception {
        Path dir = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "damaged"));
        String cutName = name.replace("-cut.", "-cut" + Math.round(share * 100) + ".");
        return Files.write(dir.resolve(cutName), Arrays.copyOf(whole, (int) (whole.length * share)));
    }

    private static Path fixture(String name) {
        return Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize()
                .resolve("report-extraction/src/test/resources/fixtures").resolve(name);
    }
}

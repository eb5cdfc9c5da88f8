package io.annualreport.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.annualreport.model.document.ExtractedDocument;
import io.annualreport.model.event.FailureReason;
import io.annualreport.model.report.ExtractionMethod;
import io.annualreport.model.report.PageExtraction;

class ExtractionBudgetTest {

    private static final ScanOcr MISSING_TESSERACT = new ScanOcr("/nonexistent/tesseract", "chi_sim");

    /** An OCR engine that never finishes within any budget. */
    private static final class StuckOcr implements OcrEngine {
        @Override
        public boolean available() {
            return true;
        }

        @Override
        public String describe() {
            return "stuck";
        }

        @Override
        public List<Glyph> read(BufferedImage image, float dpi, Duration budget) throws ExtractionException {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ExtractionException(FailureReason.TIMEOUT, "interrupted");
            }
            return List.of();
        }
    }

    @Test
    void shouldFailWithTimeoutWhenADocumentOutlastsItsBudget() {
        // Given
        TikaTextExtractor extractor = new TikaTextExtractor(
                ExtractionLimits.DEFAULT.withDocumentBudget(Duration.ofMillis(500)), new StuckOcr());
        Path scan = TestFiles.resource("fixtures/000-scanned.pdf");

        // When
        ExtractionException failure = catchThrowableOfType(ExtractionException.class,
                () -> extractor.extract(scan, "000-scanned.pdf", null));

        // Then
        assertThat(failure).isNotNull();
        assertThat(failure.reason()).isEqualTo(FailureReason.TIMEOUT);
    }

    @Test
    void shouldReadTheNextDocumentAfterATimeout() throws Exception {
        // Given
        TikaTextExtractor extractor = new TikaTextExtractor(
                ExtractionLimits.DEFAULT.withDocumentBudget(Duration.ofMinutes(2)), new StuckOcr());
        TikaTextExtractor impatient = new TikaTextExtractor(
                ExtractionLimits.DEFAULT.withDocumentBudget(Duration.ofMillis(300)), new StuckOcr());
        catchThrowableOfType(ExtractionException.class,
                () -> impatient.extract(TestFiles.resource("fixtures/003-scanned.pdf"), "003-scanned.pdf", null));

        // When
        ExtractedDocument document = extractor.extract(TestFiles.resource("fixtures/003.docx"), "003.docx", null);

        // Then
        assertThat(document.tables()).isNotEmpty();
    }

    @Test
    void shouldFailWithOcrUnavailableWhenAScanNeedsOcrAndTesseractIsMissing() {
        // Given
        TikaTextExtractor extractor = new TikaTextExtractor(ExtractionLimits.DEFAULT, MISSING_TESSERACT);

        // When
        ExtractionException scan = catchThrowableOfType(ExtractionException.class,
                () -> extractor.extract(TestFiles.resource("fixtures/000-scanned.pdf"), "000-scanned.pdf", null));
        ExtractionException image = catchThrowableOfType(ExtractionException.class,
                () -> extractor.extract(TestFiles.resource("fixtures/000-page2.png"), "000-page2.png", null));

        // Then
        assertThat(scan.reason()).isEqualTo(FailureReason.OCR_UNAVAILABLE);
        assertThat(image.reason()).isEqualTo(FailureReason.OCR_UNAVAILABLE);
        assertThat(scan.getMessage()).contains("tesseract");
    }

    @Test
    void shouldReadABornDigitalPdfWithoutTesseract() throws Exception {
        // Given
        TikaTextExtractor extractor = new TikaTextExtractor(ExtractionLimits.DEFAULT, MISSING_TESSERACT);

        // When
        ExtractedDocument document = extractor.extract(TestFiles.resource("fixtures/000.pdf"), "000.pdf", null);

        // Then
        assertThat(document.extraction().pageMethods()).extracting(PageExtraction::method)
                .containsOnly(ExtractionMethod.TEXT_LAYER);
    }

    @Test
    void shouldFailWithTooLargeOverThePageCap() {
        // Given
        TikaTextExtractor extractor = new TikaTextExtractor(ExtractionLimits.DEFAULT.withMaxPages(2),
                MISSING_TESSERACT);

        // When
        ExtractionException failure = catchThrowableOfType(ExtractionException.class,
                () -> extractor.extract(TestFiles.resource("fixtures/001.pdf"), "001.pdf", null));

        // Then
        assertThat(failure.reason()).isEqualTo(FailureReason.TOO_LARGE);
        assertThat(failure.getMessage()).contains("pages");
    }

    @Test
    void shouldFailWithTooLargeOverTheSizeCapBeforeOpeningTheFile() {
        // Given
        TikaTextExtractor extractor = new TikaTextExtractor(ExtractionLimits.DEFAULT.withMaxBytes(1_000),
                MISSING_TESSERACT);

        // When
        ExtractionException failure = catchThrowableOfType(ExtractionException.class,
                () -> extractor.extract(TestFiles.resource("fixtures/000.docx"), "000.docx", null));

        // Then
        assertThat(failure.reason()).isEqualTo(FailureReason.TOO_LARGE);
        assertThat(failure.getMessage()).contains("bytes");
    }
}

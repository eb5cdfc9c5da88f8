package io.annualreport.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.annualreport.model.document.ExtractedDocument;
import io.annualreport.model.document.TextLine;
import io.annualreport.model.report.ExtractionMethod;
import io.annualreport.model.report.PageExtraction;

class PageOcrTest {

    /** An OCR engine that records its calls and reads every page as one fixed line. */
    private static final class RecordingOcr implements OcrEngine {
        final List<Float> calls = new ArrayList<>();

        @Override
        public boolean available() {
            return true;
        }

        @Override
        public String describe() {
            return "recording";
        }

        @Override
        public List<Glyph> read(BufferedImage image, float dpi, Duration budget) {
            calls.add(dpi);
            return List.of(new Glyph(72, 300, 100, 12, "六、其他需要报告的事项"), new Glyph(400, 420, 100, 12, "0"));
        }
    }

    @Test
    void shouldOcrOnlyThePageWithoutATextLayer(@TempDir Path dir) throws Exception {
        // Given a born-digital report followed by one scanned page
        File mixed = dir.resolve("mixed.pdf").toFile();
        try (PDDocument born = Loader.loadPDF(TestFiles.resource("fixtures/001.pdf").toFile());
                PDDocument scan = Loader.loadPDF(TestFiles.resource("fixtures/000-scanned.pdf").toFile())) {
            born.importPage(scan.getPage(0));
            born.save(mixed);
        }
        RecordingOcr ocr = new RecordingOcr();
        TikaTextExtractor extractor = new TikaTextExtractor(ExtractionLimits.DEFAULT, ocr);

        // When
        ExtractedDocument document = extractor.extract(mixed.toPath(), "mixed.pdf", null);

        // Then
        List<PageExtraction> pages = document.extraction().pageMethods();
        assertThat(pages).hasSize(5);
        assertThat(pages.subList(0, 4)).extracting(PageExtraction::method).containsOnly(ExtractionMethod.TEXT_LAYER);
        assertThat(pages.get(4).method()).isEqualTo(ExtractionMethod.OCR);
        assertThat(ocr.calls).containsExactly(PdfExtractor.OCR_DPI);
        assertThat(document.extraction().method()).isEqualTo(ExtractionMethod.TEXT_LAYER);
        assertThat(document.extraction().warnings()).singleElement().asString().startsWith("page 5");
        TextLine last = document.lines().get(document.lines().size() - 1);
        assertThat(last.page()).isEqualTo(5);
        assertThat(last.text()).isEqualTo("六、其他需要报告的事项\t0");
    }
}

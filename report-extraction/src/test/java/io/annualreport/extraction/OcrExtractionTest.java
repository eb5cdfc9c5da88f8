package io.annualreport.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.annualreport.model.document.ExtractedDocument;
import io.annualreport.model.report.ExtractionMethod;
import io.annualreport.model.report.PageExtraction;
import io.annualreport.model.template.TemplateRegistry;

/** Real Tesseract runs; skipped where it is not installed, except in CI (CI=true), where it must be. */
class OcrExtractionTest {

    private static final TesseractOcr TESSERACT = new TesseractOcr();
    /** Generous budgets: these tests judge what OCR reads, on build machines that may be busy. */
    private static final TikaTextExtractor EXTRACTOR = new TikaTextExtractor(new ExtractionLimits(
            Duration.ofMinutes(10), Duration.ofMinutes(2), ExtractionLimits.DEFAULT.maxPages(),
            ExtractionLimits.DEFAULT.maxBytes()), TESSERACT);

    @BeforeAll
    static void requireTesseract() {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            assertThat(TESSERACT.available()).as("tesseract with chi_sim must be installed in CI").isTrue();
        } else {
            assumeTrue(TESSERACT.available(), "tesseract with chi_sim is not installed");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"000-scanned.pdf", "003-scanned.pdf"})
    void shouldReadAScannedPdfPageByPageThroughOcr(String name) throws Exception {
        // Given
        Path scan = TestFiles.resource("fixtures/" + name);
        String seed = name.substring(0, 3);

        // When
        ExtractedDocument document = EXTRACTOR.extract(scan, name, null);

        // Then
        assertThat(document.extraction().method()).isEqualTo(ExtractionMethod.OCR);
        assertThat(document.extraction().pageMethods()).hasSize(document.extraction().pages())
                .extracting(PageExtraction::method).containsOnly(ExtractionMethod.OCR);
        assertThat(document.lines()).isNotEmpty();
        String text = FixtureFormatsTest.searchableText(document);
        String seedText = TextNormalizer.compact(TestFiles.seedText(seed));
        List<String> headings = TestFiles.PART_HEADINGS.stream().map(TextNormalizer::compact).toList();
        List<List<String>> rows = TemplateRegistry.t3Rows(TestFiles.edition(seed)).stream()
                .map(r -> FixtureFormatsTest.labelsInSeed(r, seedText)).filter(l -> !l.isEmpty()).toList();
        long headingsFound = headings.stream().filter(text::contains).count();
        long rowsFound = rows.stream().filter(labels -> labels.stream().anyMatch(text::contains)).count();
        // OCR of a 150 dpi black-and-white scan misreads characters in narrow table cells: a third of the labels,
        // not all, come out exact (the headings and prose nearly all do).
        assertThat(headingsFound).as("part headings read exactly").isGreaterThanOrEqualTo(4);
        assertThat(rowsFound).as("T3 row labels read exactly of %d", rows.size())
                .isGreaterThanOrEqualTo(rows.size() / 3);
        assertThat(text).contains(TextNormalizer.compact(TestFiles.expected(seed).path("identity").path("agency")
                .asText()).substring(2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"000-page1.png"})
    void shouldReadAnImageThroughOcrWithoutSpacesBetweenChineseWords(String name) throws Exception {
        // Given
        Path image = TestFiles.resource("fixtures/" + name);

        // When
        ExtractedDocument document = EXTRACTOR.extract(image, name, null);

        // Then
        assertThat(document.extraction().method()).isEqualTo(ExtractionMethod.OCR);
        assertThat(document.text()).contains("总体情况").contains("政府信息公开");
    }
}

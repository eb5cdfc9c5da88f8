package io.annualreport.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.annualreport.model.document.ExtractedDocument;
import io.annualreport.model.document.TextLine;
import io.annualreport.model.report.ExtractionMethod;
import io.annualreport.model.report.PageExtraction;
import io.annualreport.model.template.TemplateRegistry;

/**
 * Real Tesseract runs on every scanned fixture; skipped where it is not installed, except in CI (CI=true), where it
 * must be. Labels are matched with {@link LabelSearch.Tolerance#OCR}: one edit per ten characters.
 */
class OcrExtractionTest {

    private static final ScanOcr TESSERACT = new ScanOcr();
    /** Generous budgets: these tests judge what OCR reads, on build machines that may be busy. */
    private static final TikaTextExtractor EXTRACTOR = new TikaTextExtractor(new ExtractionLimits(
            Duration.ofMinutes(10), Duration.ofMinutes(2), ExtractionLimits.DEFAULT.maxPages(),
            ExtractionLimits.DEFAULT.maxBytes()), TESSERACT);
    /** An image fixture is one page of a born-digital fixture: NNN-pageP.png is page P of NNN.pdf. */
    private static final Pattern PAGE_IMAGE = Pattern.compile("(\\d{3})-page(\\d+)\\.(png|jpe?g|tiff?)");

    @BeforeAll
    static void requireTesseract() {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            assertThat(TESSERACT.available()).as("tesseract with chi_sim must be installed in CI").isTrue();
        } else {
            assumeTrue(TESSERACT.available(), "tesseract with chi_sim is not installed");
        }
    }

    static Stream<Path> scannedPdfs() {
        return TestFiles.list("fixtures").stream().filter(f -> f.getFileName().toString().endsWith("-scanned.pdf"));
    }

    static Stream<Path> pageImages() {
        return TestFiles.list("fixtures").stream()
                .filter(f -> PAGE_IMAGE.matcher(f.getFileName().toString()).matches());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scannedPdfs")
    void shouldReadAllPartHeadingsAndT3RowLabelsOfAScannedPdfThroughOcr(Path scan) throws Exception {
        // Given
        String seed = scan.getFileName().toString().substring(0, 3);
        List<String> labels = LabelSearch.headingsAndT3Labels(TestFiles.seedText(seed), TestFiles.edition(seed));

        // When
        ExtractedDocument document = EXTRACTOR.extract(scan, scan.getFileName().toString(), null);

        // Then
        assertThat(document.extraction().method()).isEqualTo(ExtractionMethod.OCR);
        assertThat(document.extraction().pageMethods()).hasSize(document.extraction().pages())
                .extracting(PageExtraction::method).containsOnly(ExtractionMethod.OCR);
        assertThat(labels).as("the seed prints every heading and T3 label")
                .hasSize(TestFiles.PART_HEADINGS.size() + TemplateRegistry.t3Rows(TestFiles.edition(seed)).size());
        LabelSearch.assertFound(FixtureFormatsTest.searchableText(document), labels, LabelSearch.Tolerance.OCR);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pageImages")
    void shouldReadEveryHeadingAndT3LabelOfAPageImageThroughOcrWithoutSpacesBetweenChineseWords(Path image)
            throws Exception {
        // Given
        Matcher name = PAGE_IMAGE.matcher(image.getFileName().toString());
        assertThat(name.matches()).isTrue();
        String seed = name.group(1);
        int page = Integer.parseInt(name.group(2));
        ExtractedDocument born = EXTRACTOR.extract(TestFiles.resource("fixtures/" + seed + ".pdf"), seed + ".pdf",
                null);
        List<TextLine> pageLines = born.lines().stream().filter(l -> l.page() == page).toList();
        String pageText = FixtureFormatsTest.searchableText(
                pageLines.stream().map(TextLine::text).collect(Collectors.joining("\n")), pageLines);
        List<String> onThePage = LabelSearch.headingsAndT3Labels(TestFiles.seedText(seed), TestFiles.edition(seed))
                .stream().filter(pageText::contains).toList();

        // When
        ExtractedDocument document = EXTRACTOR.extract(image, image.getFileName().toString(), null);

        // Then
        assertThat(document.extraction().method()).isEqualTo(ExtractionMethod.OCR);
        assertThat(onThePage).as("labels printed on page %d of %s.pdf", page, seed).hasSizeGreaterThanOrEqualTo(5);
        LabelSearch.assertFound(FixtureFormatsTest.searchableText(document), onThePage, LabelSearch.Tolerance.OCR);
        assertThat(document.text()).contains("政府信息公开");
    }
}

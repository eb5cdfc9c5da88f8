package io.annualreport.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.annualreport.model.document.ExtractedDocument;
import io.annualreport.model.document.TextLine;
import io.annualreport.model.template.Edition;
import io.annualreport.model.text.TextFolding;

/** Every born-digital fixture, in every format, carries all six part headings and all T3 row labels. */
class FixtureFormatsTest {

    static final TikaTextExtractor EXTRACTOR = new TikaTextExtractor();

    static Stream<Path> bornDigitalFixtures() {
        // renderings/ holds the scans and tool-made markdown the parser's reading tests use
        return TestFiles.list("fixtures").stream().filter(f -> !Files.isDirectory(f) && !isScan(f));
    }

    static boolean isScan(Path file) {
        String name = file.getFileName().toString();
        return name.contains("-scanned") || name.matches(".*\\.(png|jpe?g|tiff?)$");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bornDigitalFixtures")
    void shouldFindAllSixPartHeadingsAndT3RowLabels(Path fixture) throws Exception {
        // Given
        String seed = fixture.getFileName().toString().substring(0, 3);
        Edition edition = TestFiles.edition(seed);
        String seedText = TestFiles.seedText(seed);

        // When
        ExtractedDocument document = EXTRACTOR.extract(fixture, fixture.getFileName().toString(), null);

        // Then
        LabelSearch.assertHeadingsAndT3Labels(searchableText(document), seedText, edition,
                LabelSearch.Tolerance.EXACT);
        assertThat(document.text()).doesNotContain("\ufffd");
    }

    /**
     * The compact text plus, for positioned lines, the text of each column read top to bottom: a label wrapped inside
     * a narrow table cell is split over visual rows that also carry the numbers, and is contiguous only in its column.
     */
    static String searchableText(ExtractedDocument document) {
        return searchableText(document.text(), document.lines());
    }

    /** The compact text plus the compact text of each column of the positioned lines. */
    static String searchableText(String text, List<TextLine> lines) {
        StringBuilder out = new StringBuilder(TextFolding.compact(text));
        // Columns by left edge, within 4 pt, read across page breaks (a row may continue on the next page).
        Map<Float, StringBuilder> columns = new LinkedHashMap<>();
        for (TextLine line : lines) {
            for (TextLine.TextRun run : line.runs()) {
                Float key = columns.keySet().stream().filter(x -> Math.abs(x - run.x()) <= 4f).findFirst()
                        .orElse(run.x());
                columns.computeIfAbsent(key, x -> new StringBuilder()).append(run.text());
            }
        }
        columns.values().forEach(c -> out.append('\n').append(TextFolding.compact(c.toString())));
        return out.toString();
    }
}

package io.annualreport.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.annualreport.model.document.ExtractedDocument;
import io.annualreport.model.document.TextLine;
import io.annualreport.model.report.Edition;
import io.annualreport.model.template.RowDef;
import io.annualreport.model.template.TemplateRegistry;

class FixtureFormatsTest {

    static final TikaTextExtractor EXTRACTOR = new TikaTextExtractor();

    static Stream<Path> bornDigitalFixtures() {
        return TestFiles.list("fixtures").stream().filter(f -> !isScan(f));
    }

    static boolean isScan(Path file) {
        String name = file.getFileName().toString();
        return name.contains("-scanned") || name.endsWith(".png");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bornDigitalFixtures")
    void shouldFindAllSixPartHeadingsAndT3RowLabels(Path fixture) throws Exception {
        // Given
        String seed = fixture.getFileName().toString().substring(0, 3);
        Edition edition = TestFiles.edition(seed);
        String seedText = TextNormalizer.compact(TestFiles.seedText(seed));

        // When
        ExtractedDocument document = EXTRACTOR.extract(fixture, fixture.getFileName().toString(), null);

        // Then
        assertLabelsPresent(searchableText(document), seedText, edition);
        assertThat(document.text()).doesNotContain("\ufffd");
    }

    /**
     * The compact text plus, for positioned lines, the text of each column read top to bottom: a label wrapped inside
     * a narrow table cell is split over visual rows that also carry the numbers, and is contiguous only in its column.
     */
    static String searchableText(ExtractedDocument document) {
        StringBuilder out = new StringBuilder(TextNormalizer.compact(document.text()));
        // Columns by left edge, within 4 pt, read across page breaks (a row may continue on the next page).
        Map<Float, StringBuilder> columns = new LinkedHashMap<>();
        for (TextLine line : document.lines()) {
            for (TextLine.TextRun run : line.runs()) {
                Float key = columns.keySet().stream().filter(x -> Math.abs(x - run.x()) <= 4f).findFirst()
                        .orElse(run.x());
                columns.computeIfAbsent(key, x -> new StringBuilder()).append(run.text());
            }
        }
        columns.values().forEach(c -> out.append('\n').append(TextNormalizer.compact(c.toString())));
        return out.toString();
    }

    /**
     * Every heading, and every T3 row label of the edition, matched after normalisation without whitespace. Where the
     * seed itself carries a garbled label (OCR noise in seed 002), one of the row's keywords must be found instead;
     * a row the seed lost entirely is not looked for.
     */
    static void assertLabelsPresent(String text, String seedText, Edition edition) {
        SoftAssertions softly = new SoftAssertions();
        for (String heading : TestFiles.PART_HEADINGS) {
            softly.assertThat(text).as("heading %s", heading).contains(TextNormalizer.compact(heading));
        }
        for (RowDef row : TemplateRegistry.t3Rows(edition)) {
            List<String> wanted = labelsInSeed(row, seedText);
            if (!wanted.isEmpty()) {
                softly.assertThat(wanted.stream().anyMatch(text::contains)).as("T3 row %s (%s)", row.key(), wanted)
                        .isTrue();
            }
        }
        softly.assertAll();
    }

    /** The row's label and variants if the seed prints one of them, else its keywords the seed prints. */
    static List<String> labelsInSeed(RowDef row, String seedText) {
        List<String> labels = new ArrayList<>();
        labels.add(TextNormalizer.compact(row.label()));
        row.variants().forEach(v -> labels.add(TextNormalizer.compact(v)));
        if (labels.stream().anyMatch(seedText::contains)) {
            return labels;
        }
        return row.keywords().stream().map(TextNormalizer::compact).filter(seedText::contains).toList();
    }
}

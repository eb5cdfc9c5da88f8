package io.annualreport.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.annualreport.model.template.Edition;

/**
 * The shapes of the real population that the samples under-represent, one noise kind at a time, in every format it
 * applies to (the markdown of OCR and language-model tools in MARKDOWN only), through the real extractor for HTML and DOCX: every cell exact (blank as EMPTY, never 0), no cell read
 * as certain and wrong, all six parts found, identity right on every report (for an abbreviated agency: the printed form and the full
 * name beside it). The default build reads
 * {@value #DEFAULT_REPORTS} reports per shape, edition and format; {@code -Dcorpus.population.size=1000} is the full
 * run whose figures docs/quality-corpus.md records.
 */
class PopulationShapesPropertyTest {

    private static final int DEFAULT_REPORTS = 8;
    /** The first seed; {@code -Dcorpus.population.seed=N} for another range (a held-out run). */
    private static final long SEED = Long.getLong("corpus.population.seed", 12_000_012L);

    /** The markdown shapes of OCR and language-model tools, which only markdown renderings carry. */
    private static final List<NoiseKind> MARKDOWN_ONLY = List.of(NoiseKind.HEADER_TABLES,
            NoiseKind.PLACEHOLDER_ROWS, NoiseKind.GENERIC_COLUMNS, NoiseKind.SPLIT_TABLES, NoiseKind.FOREIGN_HEADER);

    static Stream<Arguments> shapes() {
        List<NoiseKind> kinds = List.of(NoiseKind.CITED_NOTICE_FIRST, NoiseKind.BLANK_ZEROS,
                NoiseKind.JUNK_BEFORE_TITLE, NoiseKind.ABBREVIATED_AGENCY, NoiseKind.HEADER_TABLES,
                NoiseKind.PLACEHOLDER_ROWS, NoiseKind.GENERIC_COLUMNS, NoiseKind.SPLIT_TABLES,
                NoiseKind.FOREIGN_HEADER, NoiseKind.REGIONAL_LAYOUT);
        return kinds.stream()
                .flatMap(kind -> Stream.of(Edition.E2019, Edition.E2021)
                        .flatMap(edition -> (MARKDOWN_ONLY.contains(kind)
                                ? Stream.of(Format.MARKDOWN)
                                : Stream.of(Format.values())).map(format -> Arguments.of(kind, edition, format))));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("shapes")
    void shouldReadEveryCellOfTheShapeExactlyAndNeverConfidentlyWrong(NoiseKind shape, Edition edition,
            Format format) {
        // Given
        int reports = Integer.getInteger("corpus.population.size", DEFAULT_REPORTS);
        long seed = SEED + shape.ordinal() * 1_000L + edition.ordinal() * 100L + format.ordinal();

        // When
        ParserScore score = ParserScore.measure(edition, format, Noise.of(shape), shape, reports, seed);

        // Then
        System.out.println("[population] " + shape + " " + edition + " " + format + ": " + score);
        assertThat(score.reports).isEqualTo(reports);
        assertThat(score.exceptions).as("%s", score).isZero();
        assertThat(score.confidentWrong).as("%s", score).isZero();
        assertThat(score.exactCells).as("%s", score).isEqualTo(score.cells);
        assertThat(score.identityRight).as("%s", score).isEqualTo(reports);
        assertThat(score.partsRight).as("reports with all six parts found; %s", score).isEqualTo(reports);
    }
}

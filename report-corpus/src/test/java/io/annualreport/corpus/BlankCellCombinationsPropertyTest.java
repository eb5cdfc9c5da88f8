package io.annualreport.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.annualreport.model.template.Edition;

/**
 * Blank cells meeting the other shapes of a printed row, two kinds of noise on every report: rows printed without
 * their leading cells, a T4 header printed one character per line, labels wrapped onto the line of the numbers, and a
 * markdown tool's row of "-" under a header. A row with blanks has fewer anchors, so these are where a value lands in
 * the wrong column; no cell may be read as certain and wrong, and the cells read exactly stay at the level of the
 * shapes alone. {@code -Dcorpus.population.size=1000} is the full run.
 */
class BlankCellCombinationsPropertyTest {

    private static final int DEFAULT_REPORTS = 100;
    private static final double REQUIRED_CELLS_EXACT = 0.999;
    private static final long SEED = 31_000_013L;

    static Stream<Arguments> combinations() {
        Stream<Arguments> text = Stream.of(NoiseKind.BLANK_ZEROS, NoiseKind.BLANK_CELLS)
                .flatMap(blank -> Stream.of(NoiseKind.SHIFTED_ROWS, NoiseKind.VERTICAL_HEADER,
                        NoiseKind.WRAPPED_LABEL).map(other -> Arguments.of(blank, other, Format.TEXT)));
        Stream<Arguments> markdown = Stream.of(
                Arguments.of(NoiseKind.BLANK_ZEROS, NoiseKind.PLACEHOLDER_ROWS, Format.MARKDOWN),
                Arguments.of(NoiseKind.BLANK_CELLS, NoiseKind.PLACEHOLDER_ROWS, Format.MARKDOWN));
        return Stream.concat(text, markdown)
                .flatMap(a -> Stream.of(Edition.E2019, Edition.E2021)
                        .map(edition -> Arguments.of(a.get()[0], a.get()[1], a.get()[2], edition)));
    }

    @ParameterizedTest(name = "{0} + {1} {2} {3}")
    @MethodSource("combinations")
    void shouldNeverPlaceAValueInAnotherColumnWithCertainty(NoiseKind blank, NoiseKind other, Format format,
            Edition edition) {
        // Given
        int reports = Integer.getInteger("corpus.population.size", DEFAULT_REPORTS);
        long seed = SEED + blank.ordinal() * 10_000L + other.ordinal() * 100L + format.ordinal() * 10L
                + edition.ordinal();

        // When
        ParserScore score = ParserScore.measure(edition, format, Noise.of(blank, other),
                report -> !report.noise(blank).isEmpty() && !report.noise(other).isEmpty(), reports, seed);

        // Then
        System.out.println("[blank combinations] " + blank + " + " + other + " " + format + " " + edition + ": "
                + score);
        assertThat(score.reports).isEqualTo(reports);
        assertThat(score.exceptions).as("%s", score).isZero();
        assertThat(score.confidentWrong).as("%s", score).isZero();
        assertThat(score.cellsExactShare()).as("%s", score).isGreaterThanOrEqualTo(REQUIRED_CELLS_EXACT);
    }
}

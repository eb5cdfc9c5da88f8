package io.annualreport.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.annualreport.model.report.Cell;
import io.annualreport.model.report.CellSemantic;
import io.annualreport.model.report.Fact;
import io.annualreport.model.template.CellDef;
import io.annualreport.model.template.Edition;
import io.annualreport.model.template.TemplateRegistry;

class CorpusGeneratorTest {

    private static final int REPORTS = 2_000;

    /** Two thousand clean reports per edition, generated once for the tests that only read them. */
    private static final Map<Edition, List<GeneratedReport>> CLEAN = new EnumMap<>(Edition.class);

    private static synchronized List<GeneratedReport> clean(Edition edition) {
        return CLEAN.computeIfAbsent(edition, e -> generate(e == Edition.E2019 ? 1 : 2, e, Noise.none(), REPORTS));
    }

    private static List<GeneratedReport> generate(long seed, Edition edition, Noise noise, int count) {
        CorpusGenerator generator = new CorpusGenerator(seed);
        List<GeneratedReport> reports = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            reports.add(generator.generate(edition, noise));
        }
        return reports;
    }

    @ParameterizedTest
    @EnumSource(value = Edition.class, names = {"E2019", "E2021"})
    void shouldKeepEveryTableIdentityOverTwoThousandReports(Edition edition) {
        // Given
        List<GeneratedReport> reports = clean(edition);
        InvariantChecker checker = new InvariantChecker();

        // When
        List<Set<Invariant>> broken = reports.stream().map(checker::broken).toList();

        // Then
        assertThat(broken).allSatisfy(set -> assertThat(set).isEmpty());
    }

    @ParameterizedTest
    @EnumSource(value = Edition.class, names = {"E2019", "E2021"})
    void shouldKeyCellsExactlyAsTheTemplateRegistryForTheEdition(Edition edition) {
        // Given
        List<String> expected = TemplateRegistry.cells(edition).stream().map(CellDef::key).toList();

        // When
        List<GeneratedReport> reports = clean(edition);

        // Then
        assertThat(reports).allSatisfy(r -> {
            assertThat(List.copyOf(r.cells().keySet())).isEqualTo(expected);
            assertThat(r.edition()).isEqualTo(edition);
        });
    }

    @ParameterizedTest
    @EnumSource(value = Edition.class, names = {"E2019", "E2021"})
    void shouldStateNarrativeNumbersThatMatchTheTables(Edition edition) {
        // Given
        List<GeneratedReport> reports = clean(edition);

        // When
        List<Fact> tied = new ArrayList<>();
        for (GeneratedReport report : reports) {
            for (Fact fact : report.facts()) {
                BigDecimal table = FactNames.tableValue(fact.name(), report.cells()).orElse(null);
                if (table != null) {
                    assertThat(fact.value()).as(fact.name() + " in " + fact.evidence()).isEqualByComparingTo(table);
                    tied.add(fact);
                }
            }
            BigDecimal received = FactNames.tableValue(FactNames.APPLICATIONS_RECEIVED, report.cells()).orElseThrow();
            Fact stated = report.fact(FactNames.APPLICATIONS_RECEIVED).orElseThrow();
            if (received.signum() > 0) {
                assertThat(stated.evidence()).contains("申请" + received.toPlainString() + "件");
            } else {
                assertThat(stated.evidence()).contains("未收到政府信息公开申请");
            }
            assertThat(report.text().substring(stated.start(), stated.end())).isEqualTo(stated.evidence());
        }

        // Then
        Set<String> names = tied.stream().map(Fact::name).collect(Collectors.toSet());
        assertThat(names).contains(FactNames.APPLICATIONS_RECEIVED, FactNames.APPLICATIONS_HANDLED,
                FactNames.DISCLOSED, FactNames.UNAVAILABLE, FactNames.ADMINISTRATIVE_REVIEWS,
                FactNames.APPLICATIONS_CARRIED_FORWARD);
    }

    @Test
    void shouldDrawReportYearsThatFitTheEdition() {
        // Given
        List<GeneratedReport> old = generate(4, Edition.E2019, Noise.none(), 200);
        List<GeneratedReport> current = generate(4, Edition.E2021, Noise.none(), 200);

        // When
        Set<Integer> oldYears = old.stream().map(r -> r.identity().year()).collect(Collectors.toSet());
        Set<Integer> currentYears = current.stream().map(r -> r.identity().year()).collect(Collectors.toSet());

        // Then
        assertThat(oldYears).isEqualTo(Set.of(2019, 2020));
        assertThat(currentYears).isEqualTo(Set.of(2021, 2022, 2023, 2024, 2025));
        assertThat(current).allSatisfy(r -> assertThat(r.identity().title())
                .startsWith(r.identity().agency() + r.identity().year() + "年")
                .endsWith("政府信息公开工作年度报告"));
    }

    @Test
    void shouldBeDeterministicForASeed() {
        // Given
        List<GeneratedReport> first = generate(5, Edition.E2021, Noise.all(), 50);

        // When
        List<GeneratedReport> second = generate(5, Edition.E2021, Noise.all(), 50);

        // Then
        assertThat(second).isEqualTo(first);
        assertThat(generate(6, Edition.E2021, Noise.all(), 50)).isNotEqualTo(first);
    }

    @Test
    void shouldGenerateMostlyQuietReportsAndSomeLargeOnes() {
        // Given
        List<GeneratedReport> reports = clean(Edition.E2021);

        // When
        List<BigDecimal> received = reports.stream()
                .map(r -> FactNames.tableValue(FactNames.APPLICATIONS_RECEIVED, r.cells()).orElseThrow()).toList();
        long allZero = reports.stream().filter(r -> r.cells().entrySet().stream()
                .filter(e -> e.getKey().startsWith("t3.") || e.getKey().startsWith("t4."))
                .allMatch(e -> e.getValue().semantic() == CellSemantic.ZERO)).count();

        // Then
        assertThat(allZero).isGreaterThan(REPORTS * 4L / 10);
        assertThat(received.stream().filter(v -> v.intValue() >= 1_000).count()).isGreaterThan(5);
        assertThat(received.stream().filter(v -> v.intValue() > 0 && v.intValue() < 30).count()).isGreaterThan(200);
        assertThat(reports.stream().map(r -> r.identity().agency()).distinct().count()).isGreaterThan(500);
    }

    @Test
    void shouldMarkBlankAndSlashCellsWithoutValueInTheTruth() {
        // Given
        List<GeneratedReport> reports = generate(8, Edition.E2021, Noise.of(NoiseKind.BLANK_CELLS,
                NoiseKind.NOT_APPLICABLE_CELLS), 400);

        // When
        List<InjectedNoise> blanks = new ArrayList<>();
        for (GeneratedReport report : reports) {
            for (InjectedNoise noise : report.noise()) {
                blanks.add(noise);
                Cell cell = report.cells().get(noise.subject());
                CellSemantic expected = noise.kind() == NoiseKind.BLANK_CELLS
                        ? CellSemantic.EMPTY
                        : CellSemantic.NOT_APPLICABLE;
                assertThat(cell.semantic()).isEqualTo(expected);
                assertThat(cell.value()).isNull();
            }
        }

        // Then
        assertThat(blanks).extracting(InjectedNoise::kind).contains(NoiseKind.BLANK_CELLS,
                NoiseKind.NOT_APPLICABLE_CELLS);
    }

    @Test
    void shouldKeepArithmeticUnderNoiseAndOnlyReportInjectedBlankCells() {
        // Given
        List<GeneratedReport> reports = generate(9, Edition.E2019, Noise.all(), 1_000);
        InvariantChecker checker = new InvariantChecker();
        Set<NoiseKind> seen = EnumSet.noneOf(NoiseKind.class);

        // When
        for (GeneratedReport report : reports) {
            report.noise().forEach(n -> seen.add(n.kind()));
            boolean blanks = !report.noise(NoiseKind.BLANK_CELLS).isEmpty()
                    || !report.noise(NoiseKind.NOT_APPLICABLE_CELLS).isEmpty()
                    || !report.noise(NoiseKind.BLANK_ZEROS).isEmpty();

            // Then
            assertThat(checker.broken(report)).isEqualTo(blanks
                    ? EnumSet.of(Invariant.NO_BLANK_CELLS)
                    : EnumSet.noneOf(Invariant.class));
        }
        assertThat(seen).isEqualTo(EnumSet.allOf(NoiseKind.class));
    }

    @Test
    void shouldRefuseEditionsThatAreNotPrintedFormats() {
        // Given
        CorpusGenerator generator = new CorpusGenerator(10);

        // When / Then
        assertThatThrownBy(() -> generator.generate(Edition.MIXED)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldGiveEveryReportSixPartsWithCanonicalHeadings() {
        // Given
        List<GeneratedReport> reports = generate(11, Edition.E2021, Noise.all(), 100);

        // When
        Set<List<String>> headings = new HashSet<>();
        reports.forEach(r -> headings.add(r.sections().stream().map(s -> s.heading()).toList()));

        // Then
        assertThat(headings).containsExactly(List.of("一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"));
        assertThat(reports).allSatisfy(r -> r.sections().forEach(
                s -> assertThat(r.text().substring(s.start(), s.end())).startsWith(s.heading()).endsWith(s.text())));
    }
}

package io.annualreport.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.annualreport.model.report.CellSemantic;
import io.annualreport.model.template.CellDef;
import io.annualreport.model.template.Edition;
import io.annualreport.model.template.TemplateRegistry;

class MutatorTest {

    private static final int REPORTS_PER_EDITION = 300;

    private final InvariantChecker checker = new InvariantChecker();
    private final ReportRenderer renderer = new ReportRenderer();

    private static final java.util.Map<Long, List<GeneratedReport>> CLEAN = new java.util.HashMap<>();

    private static synchronized List<GeneratedReport> clean(long seed) {
        return CLEAN.computeIfAbsent(seed, MutatorTest::generate);
    }

    private static List<GeneratedReport> generate(long seed) {
        List<GeneratedReport> reports = new ArrayList<>();
        CorpusGenerator generator = new CorpusGenerator(seed);
        for (int i = 0; i < REPORTS_PER_EDITION; i++) {
            reports.add(generator.generate(Edition.E2019));
            reports.add(generator.generate(Edition.E2021));
        }
        return reports;
    }

    @ParameterizedTest
    @EnumSource(Mutation.class)
    void shouldBreakExactlyTheInvariantTheMutationNames(Mutation mutation) {
        // Given
        List<GeneratedReport> reports = clean(40);
        Mutator mutator = new Mutator(41);

        for (GeneratedReport report : reports) {
            // When
            GeneratedReport mutated = mutator.mutate(report, mutation);

            // Then
            assertThat(checker.broken(mutated)).as(mutation + " on " + report.identity().title())
                    .isEqualTo(EnumSet.of(mutation.breaks()));
            assertThat(mutated.mutation()).contains(mutation);
            assertThat(mutated.expectedRuleIds()).isNotEmpty().isSubsetOf(mutation.candidateRuleIds());
        }
    }

    @ParameterizedTest
    @EnumSource(Mutation.class)
    void shouldShowTheMutationInTheRenderedReport(Mutation mutation) {
        // Given
        List<GeneratedReport> reports = clean(40).subList(0, 60);
        Mutator mutator = new Mutator(43);

        for (GeneratedReport report : reports) {
            // When
            GeneratedReport mutated = mutator.mutate(report, mutation);

            // Then
            for (Format format : List.of(Format.TEXT, Format.MARKDOWN, Format.HTML)) {
                assertThat(renderer.renderText(mutated, format, Noise.none()))
                        .isNotEqualTo(renderer.renderText(report, format, Noise.none()));
            }
            assertThat(mutated.text()).isEqualTo(renderer.renderText(mutated, Format.TEXT, Noise.none()));
        }
    }

    @Test
    void shouldNameTheT4RuleOfTheGroupWhoseTotalIsWrong() {
        // Given
        List<GeneratedReport> reports = clean(40).subList(0, 200);
        Mutator mutator = new Mutator(45);
        List<String> groups = List.of("review", "litigation_direct", "litigation_after_review");
        Set<String> seen = new java.util.HashSet<>();

        for (GeneratedReport report : reports) {
            // When
            GeneratedReport mutated = mutator.mutate(report, Mutation.WRONG_T4_TOTAL);

            // Then
            String rule = mutated.expectedRuleIds().get(0);
            String group = groups.get(Integer.parseInt(rule.substring(4)) - 1);
            String key = TemplateRegistry.t4(group + "_total");
            assertThat(mutated.cells().get(key).value()).isGreaterThan(report.cells().get(key).value());
            seen.add(rule);
        }
        assertThat(seen).containsExactlyInAnyOrder("T4-01", "T4-02", "T4-03");
    }

    @Test
    void shouldPrintTheOldFormatTablesInA2023Report() {
        // Given
        GeneratedReport report = new CorpusGenerator(46).generate(Edition.E2021);

        // When
        GeneratedReport mutated = new Mutator(47).mutate(report, Mutation.OLD_FORMAT_TABLE_IN_2023_REPORT);

        // Then
        assertThat(mutated.identity().year()).isEqualTo(2023);
        assertThat(mutated.identity().title()).contains("2023年");
        assertThat(mutated.edition()).isEqualTo(Edition.E2019);
        assertThat(mutated.cells().keySet()).isEqualTo(TemplateRegistry.cells(Edition.E2019).stream()
                .map(CellDef::key).collect(Collectors.toSet()));
        assertThat(mutated.text()).contains("本年新制作数量", "政府集中采购", "2023年1月1日").doesNotContain("本年制发件数");
        assertThat(mutated.expectedRuleIds()).containsExactly("S-10");
    }

    @Test
    void shouldStateADifferentCountInTheNarrativeOnly() {
        // Given
        List<GeneratedReport> reports = clean(40).subList(0, 200);
        Mutator mutator = new Mutator(49);
        Set<String> rules = new java.util.HashSet<>();

        for (GeneratedReport report : reports) {
            // When
            GeneratedReport mutated = mutator.mutate(report, Mutation.NARRATIVE_COUNT_MISMATCH);

            // Then
            assertThat(mutated.cells()).isEqualTo(report.cells());
            assertThat(mutated.facts()).isNotEqualTo(report.facts());
            rules.addAll(mutated.expectedRuleIds());
        }
        assertThat(rules).containsExactlyInAnyOrder("X-02", "X-06");
    }

    @Test
    void shouldBlankAZeroCellAndRemoveAPart() {
        // Given
        GeneratedReport report = new CorpusGenerator(50).generate(Edition.E2021);
        Mutator mutator = new Mutator(51);

        // When
        GeneratedReport blank = mutator.mutate(report, Mutation.BLANK_CELL);
        GeneratedReport missing = mutator.mutate(report, Mutation.MISSING_PART);

        // Then
        List<String> blanks = blank.cells().entrySet().stream()
                .filter(e -> e.getValue().semantic() == CellSemantic.EMPTY).map(e -> e.getKey()).toList();
        assertThat(blanks).hasSize(1);
        assertThat(report.cells().get(blanks.get(0)).semantic()).isEqualTo(CellSemantic.ZERO);
        assertThat(blank.cells().get(blanks.get(0)).value()).isNull();
        assertThat(missing.sections()).hasSize(5);
        assertThat(missing.text()).doesNotContain(missing.sections().size() == 5 && missing.sections().stream()
                .noneMatch(s -> s.number() == 5) ? "五、存在的主要问题及改进情况" : "六、其他需要报告的事项");
    }

    @Test
    void shouldRefuseToMutateAMutatedReport() {
        // Given
        Mutator mutator = new Mutator(52);
        GeneratedReport mutated = mutator.mutate(new CorpusGenerator(53).generate(Edition.E2019),
                Mutation.FEE_IN_YUAN);

        // When / Then
        assertThatThrownBy(() -> mutator.mutate(mutated, Mutation.BLANK_CELL))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

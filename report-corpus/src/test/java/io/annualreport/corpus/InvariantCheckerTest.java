package io.annualreport.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.annualreport.model.report.Cell;
import io.annualreport.model.report.CellSemantic;
import io.annualreport.model.template.Edition;

class InvariantCheckerTest {

    private final InvariantChecker checker = new InvariantChecker();

    private static GeneratedReport withCell(GeneratedReport report, String key, Cell cell) {
        Map<String, Cell> cells = new LinkedHashMap<>(report.cells());
        cells.put(key, cell);
        ReportSpec s = report.spec();
        return ReportAssembler.assemble(new ReportSpec(s.seed(), s.identity(), cells, s.henanUnitLabels(),
                s.narrativeSeed(), s.narrativeOverrides(), s.omittedParts(), s.noise(), s.mutation(),
                s.expectedRuleIds()));
    }

    private static Cell count(long value) {
        return Cell.of(Long.toString(value), BigDecimal.valueOf(value), value == 0
                ? CellSemantic.ZERO
                : CellSemantic.NUMERIC);
    }

    @Test
    void shouldFindAConsistentReportConsistent() {
        // Given
        GeneratedReport report = new CorpusGenerator(60).generate(Edition.E2021);

        // When
        Set<Invariant> broken = checker.broken(report);

        // Then
        assertThat(broken).isEmpty();
    }

    @Test
    void shouldSeeOneChangedApplicantCellInItsRowAndItsColumn() {
        // Given
        GeneratedReport report = new CorpusGenerator(61).generate(Edition.E2021);
        String key = "t3.withheld_state_secret.natural_person";
        long value = report.cells().get(key).value().longValue();

        // When
        Set<Invariant> broken = checker.broken(withCell(report, key, count(value + 1)));

        // Then
        assertThat(broken).containsExactlyInAnyOrder(Invariant.T3_ROW_TOTALS, Invariant.T3_GRAND_TOTAL);
    }

    @Test
    void shouldSeeAWrongCarryForwardAsABrokenIdentityAndRowTotal() {
        // Given
        GeneratedReport report = new CorpusGenerator(62).generate(Edition.E2019);
        String key = "t3.carried_forward.natural_person";
        long value = report.cells().get(key).value().longValue();

        // When
        Set<Invariant> broken = checker.broken(withCell(report, key, count(value + 2)));

        // Then
        assertThat(broken).containsExactlyInAnyOrder(Invariant.T3_IDENTITY, Invariant.T3_ROW_TOTALS);
    }

    @Test
    void shouldSeeT4TotalsBlankCellsNegativesAndYuan() {
        // Given
        GeneratedReport report = new CorpusGenerator(63).generate(Edition.E2021);

        // When
        Set<Invariant> t4 = checker.broken(withCell(report, "t4.all.review_pending", count(
                report.cells().get("t4.all.review_pending").value().longValue() + 1)));
        Set<Invariant> blank = checker.broken(withCell(report, "t2.penalty.decisions", Cell.of("", null,
                CellSemantic.EMPTY)));
        Set<Invariant> negative = checker.broken(withCell(report, "t2.penalty.decisions", count(-1)));
        Set<Invariant> yuan = checker.broken(withCell(report, "t2.fees.amount_10k_yuan", Cell.of("3940元",
                BigDecimal.valueOf(3940), CellSemantic.NUMERIC)));

        // Then
        assertThat(t4).containsExactly(Invariant.T4_TOTALS);
        assertThat(blank).containsExactly(Invariant.NO_BLANK_CELLS);
        assertThat(negative).containsExactly(Invariant.NON_NEGATIVE_COUNTS);
        assertThat(yuan).containsExactly(Invariant.FEE_UNIT_PLAUSIBLE);
    }
}

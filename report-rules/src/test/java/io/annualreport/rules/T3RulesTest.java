package io.annualreport.rules;

import static io.annualreport.rules.ReportFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.annualreport.model.validation.Severity;
import io.annualreport.model.validation.Verdict;

class T3RulesTest {

    /** 5 new + 1 carried over = 4 disclosed + 1 unavailable (total 5) + 1 carried forward, in the 自然人 column. */
    private static ReportFixture balanced() {
        return ReportFixture.clean2021()
                .t3Row("new_received", 5, 0)
                .t3Row("carried_over", 1, 0)
                .t3Row("disclosed", 4, 0)
                .t3Row("unavailable_not_held", 1, 0)
                .t3Row("total_handled", 5, 0)
                .t3Row("carried_forward", 1, 0);
    }

    @Test
    void shouldAcceptABalancedTable() {
        // Given
        ReportFixture report = balanced();
        // When
        ValidationResult result = report.validate();
        // Then
        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void shouldFlagARowWhoseTotalIsNotTheSumOfItsColumns() {
        // Given
        ReportFixture report = balanced().t3("disclosed", "total", 3);
        // When
        ValidationResult result = report.validate();
        // Then
        assertThat(findings(result, "T3-01")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.expected()).isEqualByComparingTo("4");
            assertThat(f.actual()).isEqualByComparingTo("3");
            assertThat(f.cells()).contains("t3.disclosed.total");
            assertThat(f.message()).contains("（一）予以公开");
            assertThat(f.ruleVersion()).isEqualTo("1.0.0");
        });
    }

    @Test
    void shouldFlagAHandledTotalThatIsNotTheSumOfTheResults() {
        // Given
        ReportFixture report = balanced().t3("not_processed_duplicate", "natural_person", 2)
                .t3("not_processed_duplicate", "total", 2);
        // When
        ValidationResult result = report.validate();
        // Then
        assertThat(findings(result, "T3-02")).extracting(f -> f.expected().intValue()).containsExactly(7, 7);
        assertThat(findings(result, "T3-06")).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
        assertThat(findings(result, "T3-03")).isEmpty();
    }

    @Test
    void shouldNotExplainSubtotalsWhenTheHandledTotalIsRight() {
        // Given
        ReportFixture report = balanced();
        // When
        ValidationResult result = report.validate();
        // Then
        assertThat(findings(result, "T3-06")).isEmpty();
    }

    @Test
    void shouldFlagTheIdentityPerColumn() {
        // Given
        ReportFixture report = balanced().t3Row("carried_forward", 2, 0);
        // When
        ValidationResult result = report.validate();
        // Then
        assertThat(findings(result, "T3-03")).hasSize(2).allSatisfy(f -> {
            assertThat(f.expected()).isEqualByComparingTo("6");
            assertThat(f.actual()).isEqualByComparingTo("7");
        });
    }

    @Test
    void shouldFlagACarryForwardLargerThanWhatCameIn() {
        // Given
        ReportFixture report = balanced().t3Row("carried_forward", 9, 0);
        // When
        ValidationResult result = report.validate();
        // Then
        assertThat(findings(result, "T3-04")).hasSize(2)
                .allSatisfy(f -> assertThat(f.actual()).isEqualByComparingTo("9"));
    }

    @Test
    void shouldNotFlagACarryForwardWithinBounds() {
        // Given
        ReportFixture report = balanced().t3Row("carried_forward", 6, 0).t3Row("total_handled", 0, 0)
                .t3Row("disclosed", 0, 0).t3Row("unavailable_not_held", 0, 0);
        // When
        ValidationResult result = report.validate();
        // Then
        assertThat(findings(result, "T3-04")).isEmpty();
        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void shouldFlagResultsWithoutAnyApplication() {
        // Given
        ReportFixture report = ReportFixture.clean2021().t3Row("disclosed", 2, 0);
        // When
        ValidationResult result = report.validate();
        // Then
        assertThat(findings(result, "T3-05")).singleElement()
                .satisfies(f -> assertThat(f.cells()).contains("t3.disclosed.natural_person", "t3.disclosed.total"));
    }

    @Test
    void shouldWarnWhenFeeUnpaidClosuresHaveNoFeeNotice() {
        // Given
        ReportFixture report = balanced().t3Row("disclosed", 3, 0).t3Row("other_fee_unpaid", 1, 0);
        // When
        ValidationResult result = report.validate();
        // Then
        assertThat(findings(result, "T3-07")).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
    }

    @Test
    void shouldAcceptFeeUnpaidClosuresWhenPartSixReportsNotices() {
        // Given
        ReportFixture report = balanced().t3Row("disclosed", 3, 0).t3Row("other_fee_unpaid", 1, 0)
                .text(6, "本年度发出收费通知2件，总金额0.02万元，实际收取0元。");
        // When
        ValidationResult result = report.validate();
        // Then
        assertThat(findings(result, "T3-07")).isEmpty();
    }

    @Test
    void shouldHintWhenPartialDisclosuresInTheTextExceedTheTable() {
        // Given
        ReportFixture report = balanced().appendText(1, "其中区分处理3件。");
        // When
        ValidationResult result = report.validate();
        // Then
        assertThat(findings(result, "T3-08")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.expected()).isEqualByComparingTo("3");
        });
    }

    @Test
    void shouldNotHintWhenPartialDisclosuresMatch() {
        // Given
        ReportFixture report = balanced().t3Row("disclosed", 1, 0).t3Row("partially_disclosed", 3, 0)
                .appendText(1, "其中区分处理3件。");
        // When
        ValidationResult result = report.validate();
        // Then
        assertThat(findings(result, "T3-08")).isEmpty();
    }

    @Test
    void shouldMakeAChecksWithABlankOperandNotAssessableAndReportTheBlankOnce() {
        // Given: the 总计 column of every detail row left blank, as Shanghai 2019 does
        ReportFixture report = balanced();
        for (String row : new String[]{"disclosed", "unavailable_not_held", "withheld_state_secret"}) {
            report.blank("t3." + row + ".total");
        }
        // When
        ValidationResult result = report.validate();
        // Then
        assertThat(findings(result, "V-03")).singleElement()
                .satisfies(f -> assertThat(f.cells()).hasSize(3));
        assertThat(result.findings()).noneMatch(f -> f.ruleId().startsWith("T3-"));
        assertThat(result.notAssessable()).contains("T3-01", "T3-02");
        assertThat(result.verdict()).isEqualTo(Verdict.WARN);
    }

    @Test
    void shouldCountANotApplicableCellAsZeroNotAsMissing() {
        // Given
        ReportFixture report = balanced().notApplicable("t3.disclosed.research_institution");
        // When
        ValidationResult result = report.validate();
        // Then
        assertThat(result.findings()).noneMatch(f -> f.ruleId().startsWith("T3-"));
        assertThat(result.notAssessable()).doesNotContain("T3-01");
        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void shouldSumTheSingleOtherHandlingRowWhenA2021ReportPrintsIt() {
        // Given
        ReportFixture report = balanced().remove("t3.other_").t3Row("disclosed", 3, 0).t3Row("other_handling", 1, 0);
        // When
        ValidationResult result = report.validate();
        // Then
        assertThat(findings(result, "T3-02")).isEmpty();
        assertThat(findings(result, "S-06")).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
    }
}

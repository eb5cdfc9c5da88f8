package io.annualreport.rules;

import static io.annualreport.rules.ReportFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import io.annualreport.model.report.CellSemantic;
import io.annualreport.model.validation.Verdict;

class T4RulesTest {

    @Test
    void shouldAcceptGroupTotalsThatAddUp() {
        // Given
        ReportFixture report = ReportFixture.clean2021().t4("review_upheld", 2).t4("review_pending", 1)
                .t4("review_total", 3).t4("litigation_direct_corrected", 1).t4("litigation_direct_total", 1)
                .t4("litigation_after_review_other", 4).t4("litigation_after_review_total", 4);
        // When
        ValidationResult result = report.validate();
        // Then
        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void shouldFlagAReviewTotalThatDoesNotAddUp() {
        // Given
        ReportFixture report = ReportFixture.clean2021().t4("review_upheld", 2).t4("review_total", 3);
        // When
        ValidationResult result = report.validate();
        // Then
        assertThat(findings(result, "T4-01")).singleElement().satisfies(f -> {
            assertThat(f.expected()).isEqualByComparingTo("2");
            assertThat(f.actual()).isEqualByComparingTo("3");
            assertThat(f.section()).isEqualTo(4);
        });
        assertThat(findings(result, "T4-02")).isEmpty();
    }

    @Test
    void shouldFlagADirectLitigationTotalThatDoesNotAddUp() {
        // Given
        ReportFixture report = ReportFixture.clean2021().t4("litigation_direct_pending", 1);
        // When
        ValidationResult result = report.validate();
        // Then
        assertThat(findings(result, "T4-02")).hasSize(1);
        assertThat(findings(result, "T4-03")).isEmpty();
    }

    @Test
    void shouldFlagALitigationAfterReviewTotalThatDoesNotAddUp() {
        // Given
        ReportFixture report = ReportFixture.clean2021().t4("litigation_after_review_total", 5);
        // When
        ValidationResult result = report.validate();
        // Then
        assertThat(findings(result, "T4-03")).hasSize(1);
    }

    @Test
    void shouldFlagNegativeFractionalAndWordCells() {
        // Given
        ReportFixture report = ReportFixture.clean2021().t4("review_other", -1).t4("review_pending", 1.5)
                .raw("t4.all.review_corrected", "无", null, CellSemantic.TEXT);
        // When
        ValidationResult result = report.validate();
        // Then
        assertThat(findings(result, "T4-04")).extracting(f -> f.cells().get(0)).containsExactlyInAnyOrder(
                "t4.all.review_other", "t4.all.review_pending", "t4.all.review_corrected");
        assertThat(findings(result, "V-01")).isEmpty();
    }

    @Test
    void shouldNotFlagAZeroWrittenWithDecimals() {
        // Given
        ReportFixture report = ReportFixture.clean2021().raw("t4.all.review_other", "0.00", new BigDecimal("0.00"),
                CellSemantic.ZERO);
        // When
        ValidationResult result = report.validate();
        // Then
        assertThat(findings(result, "T4-04")).isEmpty();
    }
}

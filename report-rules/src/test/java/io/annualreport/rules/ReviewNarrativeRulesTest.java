package io.annualreport.rules;

import static io.annualreport.rules.ReportFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.annualreport.model.validation.Severity;

class ReviewNarrativeRulesTest {

    private static ReportFixture withReview() {
        return ReportFixture.clean2021().t4("review_upheld", 2).t4("review_pending", 1).t4("review_total", 3)
                .t4("litigation_direct_upheld", 1).t4("litigation_direct_total", 1);
    }

    @Test
    void shouldFlagATextSayingNoReviewWhenT4HasCases() {
        // Given
        ReportFixture report = withReview().appendText(1, "本年度未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况。");
        // When
        ValidationResult result = report.validate();
        // Then
        assertThat(findings(result, "X-08")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.cells()).contains("t4.all.review_total", "t4.all.litigation_direct_total");
        });
    }

    @Test
    void shouldNotFlagNoReviewOnAnAllZeroT4OrAboutCorrections() {
        // Given
        ReportFixture zero = ReportFixture.clean2021().appendText(1, "本年度未收到政府信息公开行政复议、行政诉讼的情况。");
        ReportFixture corrections = withReview().appendText(1, "本年度没有发生行政复议被纠错的情况。");
        // When / Then
        assertThat(findings(zero.validate(), "X-08")).isEmpty();
        assertThat(findings(corrections.validate(), "X-08")).isEmpty();
    }

    @Test
    void shouldCheckStatedReviewAndLitigationCounts() {
        // Given
        ReportFixture wrong = withReview().appendText(1, "政府信息公开行政复议 5件；政府信息公开行政诉讼 1件。");
        ReportFixture right = withReview().appendText(1, "政府信息公开行政复议 3件，其中结果维持 2件，尚未审结 1件；行政诉讼 1件。");
        // When / Then
        assertThat(findings(wrong.validate(), "X-09")).singleElement()
                .satisfies(f -> assertThat(f.actual()).isEqualByComparingTo("5"));
        assertThat(findings(right.validate(), "X-09")).isEmpty();
    }

    @Test
    void shouldWarnWhenAllUpheldIsContradictedByOtherOutcomes() {
        // Given
        ReportFixture report = withReview().appendText(1, "行政复议案件均获维持。");
        ReportFixture litigationOnly = withReview().appendText(1, "行政诉讼案件均获维持。");
        // When / Then
        assertThat(findings(report.validate(), "X-10")).singleElement()
                .satisfies(f -> assertThat(f.cells()).containsExactly("t4.all.review_pending"));
        assertThat(findings(litigationOnly.validate(), "X-10")).isEmpty();
    }
}

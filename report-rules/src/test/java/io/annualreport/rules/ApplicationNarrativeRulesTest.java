package io.annualreport.rules;

import static io.annualreport.rules.ReportFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.annualreport.model.validation.Severity;

class ApplicationNarrativeRulesTest {

    /** 95 new + 34 carried over; 80 disclosed, 10 partially, 5 unavailable (95 handled); 34 carried forward. */
    private static ReportFixture report() {
        return ReportFixture.clean2021()
                .t3Row("new_received", 90, 5)
                .t3Row("carried_over", 34, 0)
                .t3Row("disclosed", 75, 5)
                .t3Row("partially_disclosed", 10, 0)
                .t3Row("unavailable_not_held", 5, 0)
                .t3Row("total_handled", 90, 5)
                .t3Row("carried_forward", 34, 0);
    }

    @Test
    void shouldFlagATextSayingNoApplicationsWhenTheTableHasSome() {
        // Given
        ReportFixture report = report().appendText(1, "2024年，本局未收到政府信息公开申请。");
        // When
        ValidationResult result = report.validate();
        // Then
        assertThat(findings(result, "X-01")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.actual()).isEqualByComparingTo("95");
            assertThat(f.evidence()).contains("未收到政府信息公开申请");
        });
    }

    @Test
    void shouldNotReadANoReviewSentenceAsNoApplications() {
        // Given
        ReportFixture report = report().appendText(1, "2024年，本局未收到政府信息公开行政复议申请。");
        // When
        ValidationResult result = report.validate();
        // Then
        assertThat(findings(result, "X-01")).isEmpty();
    }

    @Test
    void shouldUseTheParsersFactWhenThereIsOne() {
        // Given
        ReportFixture report = report().fact("no_applications_received", 1, "本年度无政府信息公开申请");
        // When
        ValidationResult result = report.validate();
        // Then
        assertThat(findings(result, "X-01")).singleElement()
                .satisfies(f -> assertThat(f.evidence()).isEqualTo("本年度无政府信息公开申请"));
    }

    @Test
    void shouldWarnWhenTheStatedReceivedCountDiffersFromTheTable() {
        // Given
        ReportFixture report = report().appendText(1, "2024年，区政府办代表区政府受理政府信息公开申请 17 件，均已答复。");
        // When
        ValidationResult result = report.validate();
        // Then
        assertThat(findings(result, "X-02")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.actual()).isEqualByComparingTo("17");
            assertThat(f.expected()).isEqualByComparingTo("95");
        });
    }

    @Test
    void shouldAcceptAReceivedCountThatIncludesTheCarryOverWhenTheTextSaysShouLi() {
        // Given
        ReportFixture exact = report().appendText(1, "本年度收到政府信息公开申请95件。");
        ReportFixture inclusive = report().appendText(1, "全年共受理政府信息公开申请129件。");
        ReportFixture approximate = report().appendText(1, "全年收到政府信息公开申请100余件。");
        // When / Then
        assertThat(findings(exact.validate(), "X-02")).isEmpty();
        assertThat(findings(inclusive.validate(), "X-02")).isEmpty();
        assertThat(findings(approximate.validate(), "X-02")).isEmpty();
    }

    @Test
    void shouldCheckCarriedOverHandledAndCarriedForwardCounts() {
        // Given
        ReportFixture wrong = report().appendText(1, "答复 90件（含上年度结转申请 30件，另有 40件顺延到下年度答复）。");
        ReportFixture right = report().appendText(1, "答复 95件（含上年度结转申请 34件，另有 34件顺延到下年度答复）。");
        // When
        ValidationResult wrongResult = wrong.validate();
        ValidationResult rightResult = right.validate();
        // Then
        assertThat(findings(wrongResult, "X-03")).singleElement()
                .satisfies(f -> assertThat(f.actual()).isEqualByComparingTo("30"));
        assertThat(findings(wrongResult, "X-04")).singleElement()
                .satisfies(f -> assertThat(f.actual()).isEqualByComparingTo("90"));
        assertThat(findings(wrongResult, "X-05")).singleElement()
                .satisfies(f -> assertThat(f.actual()).isEqualByComparingTo("40"));
        assertThat(findings(rightResult, "X-03")).isEmpty();
        assertThat(findings(rightResult, "X-04")).isEmpty();
        assertThat(findings(rightResult, "X-05")).isEmpty();
    }

    @Test
    void shouldCheckHandlingResultCategories() {
        // Given
        ReportFixture wrong = report().appendText(3, "其中，予以公开82件，无法提供5件，予以公开及部分公开258件。");
        ReportFixture right = report().appendText(3, "其中，予以公开80件，部分公开10件，无法提供5件，予以公开及部分公开90件。");
        // When
        ValidationResult wrongResult = wrong.validate();
        ValidationResult rightResult = right.validate();
        // Then
        assertThat(findings(wrongResult, "X-06")).extracting(f -> f.actual().intValue()).containsExactly(82, 258);
        assertThat(findings(rightResult, "X-06")).isEmpty();
    }

    @Test
    void shouldCheckPercentagesAgainstTheStatedTotal() {
        // Given
        ReportFixture wrong = report().appendText(1, "全年共办理申请200件，其中予以公开50件，占40%。");
        ReportFixture right = report().appendText(1, "全年共办理申请200件，予以公开50件，占25%。");
        // When / Then
        assertThat(findings(wrong.validate(), "X-07")).singleElement()
                .satisfies(f -> assertThat(f.expected()).isEqualByComparingTo("25"));
        assertThat(findings(right.validate(), "X-07")).isEmpty();
    }
}

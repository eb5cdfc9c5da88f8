package io.annualreport.rules;

import static io.annualreport.rules.ReportFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import io.annualreport.model.report.CellSemantic;
import io.annualreport.model.validation.Severity;
import io.annualreport.model.validation.Verdict;

class CellValueRulesTest {

    @Test
    void shouldFlagACountThatIsNotANaturalNumber() {
        // Given
        ReportFixture report = ReportFixture.clean2021().value("t2.licensing.decisions", -3)
                .raw("t3.disclosed.other_org", "二", null, CellSemantic.TEXT);
        // When
        ValidationResult result = report.validate();
        // Then
        assertThat(findings(result, "V-01")).extracting(f -> f.cells().get(0))
                .containsExactlyInAnyOrder("t2.licensing.decisions", "t3.disclosed.other_org");
        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void shouldAcceptASigned2019ChangeAsACount() {
        // Given
        ReportFixture report = ReportFixture.clean2019().value("t2.licensing.previous_year_items", 5)
                .raw("t2.licensing.change", "减3", new BigDecimal("-3"), CellSemantic.NUMERIC);
        // When
        ValidationResult result = report.validate();
        // Then
        assertThat(findings(result, "V-01")).isEmpty();
        assertThat(findings(result, "V-05")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.message()).contains("减3", "-3");
        });
        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void shouldNotNoteAPlainChange() {
        // Given
        ReportFixture report = ReportFixture.clean2019().value("t2.licensing.previous_year_items", 5)
                .value("t2.licensing.change", -3);
        // When
        ValidationResult result = report.validate();
        // Then
        assertThat(findings(result, "V-05")).isEmpty();
    }

    @Test
    void shouldFlagANegativeAmountAsErrorAndTooManyDecimalsAsWarning() {
        // Given
        ReportFixture negative = ReportFixture.clean2021().value("t2.fees.amount_10k_yuan", new BigDecimal("-1.5"));
        ReportFixture precise = ReportFixture.clean2021().value("t2.fees.amount_10k_yuan", new BigDecimal("1.23456"));
        ReportFixture fine = ReportFixture.clean2021().value("t2.fees.amount_10k_yuan", new BigDecimal("1.2345"));
        // When
        ValidationResult negativeResult = negative.validate();
        ValidationResult preciseResult = precise.validate();
        ValidationResult fineResult = fine.validate();
        // Then
        assertThat(findings(negativeResult, "V-02")).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
        assertThat(findings(preciseResult, "V-02")).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
        assertThat(findings(fineResult, "V-02")).isEmpty();
    }

    @Test
    void shouldReportBlankCellsOncePerTableAsWarning() {
        // Given
        ReportFixture report = ReportFixture.clean2021().blank("t4.all.review_upheld").blank("t4.all.review_total")
                .blank("t2.penalty.decisions");
        // When
        ValidationResult result = report.validate();
        // Then
        assertThat(findings(result, "V-03")).hasSize(2).allSatisfy(f -> assertThat(f.severity())
                .isEqualTo(Severity.WARNING));
        assertThat(findings(result, "T4-01")).isEmpty();
        assertThat(result.notAssessable()).contains("T4-01");
    }

    @Test
    void shouldNoteNotApplicableCellsAsInfo() {
        // Given
        ReportFixture report = ReportFixture.clean2021().notApplicable("t2.regulations.issued");
        // When
        ValidationResult result = report.validate();
        // Then
        assertThat(findings(result, "V-03")).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void shouldWarnAboutYuanInA10kYuanField() {
        // Given
        ReportFixture suffix = ReportFixture.clean2019().raw("t2.procurement.amount_10k_yuan", "251000元",
                new BigDecimal("251000"), CellSemantic.NUMERIC);
        ReportFixture large = ReportFixture.clean2021().value("t2.fees.amount_10k_yuan", 1035000);
        ReportFixture plausible = ReportFixture.clean2021().value("t2.fees.amount_10k_yuan", new BigDecimal("96171.6"));
        // When / Then
        assertThat(findings(suffix.validate(), "V-04")).hasSize(1);
        assertThat(findings(large.validate(), "V-04")).hasSize(1);
        assertThat(findings(plausible.validate(), "V-04")).isEmpty();
    }

    @Test
    void shouldReportExtractionArtefactsAsInfoAndNonZeroExtrasAsError() {
        // Given
        ReportFixture zeros = ReportFixture.clean2019().warning("EXTRA_TRAILING_ZERO", "t4.all",
                "16 numbers for 15 cells; the extra 0 was dropped");
        ReportFixture nonZero = ReportFixture.clean2019().warning("EXTRA_NONZERO_VALUES", "t3.total_handled",
                "8 numbers for 7 cells");
        // When
        ValidationResult zerosResult = zeros.validate();
        ValidationResult nonZeroResult = nonZero.validate();
        // Then
        assertThat(findings(zerosResult, "V-06")).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
        assertThat(zerosResult.verdict()).isEqualTo(Verdict.PASS);
        assertThat(findings(nonZeroResult, "V-06")).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
    }
}

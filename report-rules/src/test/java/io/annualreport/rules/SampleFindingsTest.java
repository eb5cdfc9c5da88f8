package io.annualreport.rules;

import static io.annualreport.rules.ReportFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.annualreport.model.validation.Severity;

/** The details a reviewer expects in the findings of the ground-truth samples (samples/expected/*.json). */
class SampleFindingsTest {

    private static ValidationResult validate(String sample) throws Exception {
        return new RuleEngine().validate(SampleReports.named(sample).report(), ValidationContext.standalone());
    }

    @Test
    void shouldListSeed001sSixteenItemsAsAnEnumerationThatDoesNotAddUp() throws Exception {
        // When
        ValidationResult result = validate("001_e6499531ec3c06f0");
        // Then
        assertThat(findings(result, "X-13")).singleElement().satisfies(f -> {
            assertThat(f.expected()).isEqualByComparingTo("16");
            assertThat(f.actual()).isEqualByComparingTo("25");
            assertThat(f.message()).contains("13+6+1+2+1+2");
            assertThat(f.section()).isEqualTo(1);
        });
    }

    @Test
    void shouldFlagSeed003sPartFiveDenyingProblems() throws Exception {
        // When
        ValidationResult result = validate("003_8c7e58cf2aa459dd");
        // Then
        assertThat(findings(result, "S-16")).singleElement().satisfies(f -> {
            assertThat(f.section()).isEqualTo(5);
            assertThat(f.evidence()).contains("目前没有问题");
        });
    }

    @Test
    void shouldFlagSeed000sPartSixWithoutFees() throws Exception {
        // When
        ValidationResult result = validate("000_0cd22d9d18d83273");
        // Then
        assertThat(findings(result, "S-17")).singleElement().satisfies(f -> {
            assertThat(f.section()).isEqualTo(6);
            assertThat(f.message()).endsWith("：无");
        });
    }

    @Test
    void shouldFlagHzqNarrativeSeventeenAgainstNinetyFiveAndItsSingleRowOtherHandling() throws Exception {
        // When
        ValidationResult result = validate("hzq2024_working");
        // Then
        assertThat(findings(result, "X-02")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.actual()).isEqualByComparingTo("17");
            assertThat(f.expected()).isEqualByComparingTo("95");
            assertThat(f.evidence().replaceAll("\\s", "")).contains("受理政府信息公开申请17件");
        });
        assertThat(findings(result, "S-06")).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
    }

    @Test
    void shouldRaiseNothingButInfoOnTheCleanCityReport() throws Exception {
        // When
        ValidationResult result = validate("szfgs2024");
        // Then
        assertThat(result.findings()).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
        assertThat(result.notAssessable()).doesNotContain("T3-01", "T3-02", "T3-03", "T4-01", "X-02", "X-09");
    }
}

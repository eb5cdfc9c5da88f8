package io.annualreport.rules;

import static io.annualreport.rules.ReportFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.annualreport.model.validation.Severity;

class T2RulesTest {

    @Test
    void shouldWarnWhenADistrictBodyReportsRegulations() {
        // Given
        ReportFixture bureau = ReportFixture.clean2021().value("t2.regulations.issued", 1)
                .value("t2.regulations.in_force", 1);
        ReportFixture district = ReportFixture.clean2021().agency("淮安市洪泽区人民政府")
                .value("t2.regulations.in_force", 2);
        // When / Then
        assertThat(findings(bureau.validate(), "T2-01")).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
        assertThat(findings(district.validate(), "T2-01")).hasSize(1);
    }

    @Test
    void shouldAcceptRegulationsOfACityOrStateCouncilBody() {
        // Given
        ReportFixture city = ReportFixture.clean2021().agency("淮安市人民政府").value("t2.regulations.issued", 1)
                .value("t2.regulations.in_force", 11);
        ReportFixture ministry = ReportFixture.clean2021().agency("国家市场监督管理总局")
                .value("t2.regulations.in_force", 11);
        // When
        ValidationResult cityResult = city.validate();
        ValidationResult ministryResult = ministry.validate();
        // Then
        assertThat(findings(cityResult, "T2-01")).isEmpty();
        assertThat(findings(ministryResult, "T2-01")).isEmpty();
        assertThat(ministryResult.notAssessable()).contains("T2-01");
    }

    @Test
    void shouldWarnAboutOldFormatOrdering() {
        // Given
        ReportFixture report = ReportFixture.clean2019().value("t2.normative_documents.newly_made", 2)
                .value("t2.normative_documents.newly_published", 3)
                .value("t2.normative_documents.total_published", 1);
        // When
        ValidationResult result = report.validate();
        // Then
        assertThat(findings(result, "T2-02")).hasSize(2);
    }

    @Test
    void shouldAcceptConsistentOldFormatOrdering() {
        // Given
        ReportFixture report = ReportFixture.clean2019().value("t2.normative_documents.newly_made", 3)
                .value("t2.normative_documents.newly_published", 3)
                .value("t2.normative_documents.total_published", 40);
        // When
        ValidationResult result = report.validate();
        // Then
        assertThat(findings(result, "T2-02")).isEmpty();
    }

    @Test
    void shouldHintWhenNothingIsInForceDespiteNetIssues() {
        // Given
        ReportFixture report = ReportFixture.clean2021().value("t2.normative_documents.issued", 3);
        ReportFixture fine = ReportFixture.clean2021().value("t2.normative_documents.issued", 3)
                .value("t2.normative_documents.in_force", 8);
        // When / Then
        assertThat(findings(report.validate(), "T2-03")).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
        assertThat(findings(fine.validate(), "T2-03")).isEmpty();
    }

    @Test
    void shouldWarnWhenADecreaseExceedsLastYearsItems() {
        // Given
        ReportFixture report = ReportFixture.clean2019().value("t2.penalty.previous_year_items", 2)
                .value("t2.penalty.change", -5);
        ReportFixture fine = ReportFixture.clean2019().value("t2.penalty.previous_year_items", 8)
                .value("t2.penalty.change", -5);
        // When / Then
        assertThat(findings(report.validate(), "T2-04")).hasSize(1);
        assertThat(findings(fine.validate(), "T2-04")).isEmpty();
    }
}

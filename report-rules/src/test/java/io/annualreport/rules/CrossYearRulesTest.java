package io.annualreport.rules;

import static io.annualreport.rules.ReportFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.annualreport.model.report.ParsedReport;
import io.annualreport.model.validation.Severity;

class CrossYearRulesTest {

    private static final String NARRATIVE_2023 = "2023年，本局坚持以公开为常态、不公开为例外，围绕中心工作推进政务公开。主动公开政府信息，依申请公开规范办理，"
            + "加强政府信息管理，优化政府网站平台建设，健全监督保障机制，组织业务培训两次。";

    private static ParsedReport lastYear(int carriedForward) {
        return ReportFixture.clean2021().year(2023).t3Row("new_received", carriedForward, 0)
                .t3Row("carried_forward", carriedForward, 0).value("t2.normative_documents.in_force", 10).build();
    }

    @Test
    void shouldBeNotAssessableWithoutThePreviousYear() {
        // Given
        ReportFixture report = ReportFixture.clean2021();
        // When
        ValidationResult result = report.validate();
        // Then
        assertThat(result.notAssessable()).contains("Y-01", "Y-02", "Y-03", "Y-04", "Y-05");
    }

    @Test
    void shouldSayWhyWhenThePreviousYearIsNotStored() {
        // When
        ValidationResult result = new RuleEngine().validate(ReportFixture.clean2021().build(),
                ValidationContext.standalone());
        // Then
        assertThat(result.notAssessableReasons()).containsEntry("Y-01",
                io.annualreport.rules.catalogue.CrossYearRules.NO_PREVIOUS_YEAR);
    }

    @Test
    void shouldGiveTheLookUpFailureAsTheReasonOfEveryCrossDocumentRule() {
        // Given
        String reason = "上一年度报告暂时无法获取（存储服务不可用）";
        // When
        ValidationResult result = new RuleEngine().validate(ReportFixture.clean2021().build(),
                ValidationContext.unavailable(reason));
        // Then
        assertThat(result.notAssessable()).contains("Y-01", "Y-02", "Y-03", "Y-04");
        assertThat(result.notAssessableReasons()).containsEntry("Y-01", reason).containsEntry("Y-04", reason);
        assertThat(result.findings()).noneMatch(f -> f.ruleId().startsWith("Y-"));
    }

    @Test
    void shouldFlagABrokenCarryOverAsErrorOnTheTotalOfCleanReports() {
        // Given
        ReportFixture report = ReportFixture.clean2021().t3Row("carried_over", 1, 0).t3Row("disclosed", 1, 0)
                .t3Row("total_handled", 1, 0).value("t2.normative_documents.in_force", 10);
        // When
        ValidationResult result = report.validate(lastYear(3));
        // Then
        assertThat(findings(result, "Y-01")).extracting(f -> f.severity()).containsExactlyInAnyOrder(Severity.WARNING,
                Severity.ERROR);
        assertThat(findings(result, "Y-01")).allSatisfy(f -> {
            assertThat(f.expected()).isEqualByComparingTo("3");
            assertThat(f.actual()).isEqualByComparingTo("1");
        });
    }

    @Test
    void shouldAcceptAContinuousCarryOver() {
        // Given
        ReportFixture report = ReportFixture.clean2021().t3Row("carried_over", 3, 0).t3Row("disclosed", 3, 0)
                .t3Row("total_handled", 3, 0).value("t2.normative_documents.in_force", 10);
        // When
        ValidationResult result = report.validate(lastYear(3));
        // Then
        assertThat(findings(result, "Y-01")).isEmpty();
        assertThat(result.notAssessable()).doesNotContain("Y-01");
    }

    @Test
    void shouldNotCompareWithAReportThatIsNotTheYearBefore() {
        // Given
        ParsedReport twoYearsAgo = ReportFixture.clean2021().year(2022).t3Row("new_received", 3, 0)
                .t3Row("carried_forward", 3, 0).build();
        ReportFixture report = ReportFixture.clean2021();
        // When
        ValidationResult result = report.validate(twoYearsAgo);
        // Then
        assertThat(findings(result, "Y-01")).isEmpty();
        assertThat(result.notAssessable()).contains("Y-01");
    }

    @Test
    void shouldWarnWhenTheStockOfNormativeDocumentsDoesNotFollow() {
        // Given
        ReportFixture broken = ReportFixture.clean2021().value("t2.normative_documents.issued", 3)
                .value("t2.normative_documents.repealed", 1).value("t2.normative_documents.in_force", 20);
        ReportFixture fine = ReportFixture.clean2021().value("t2.normative_documents.issued", 3)
                .value("t2.normative_documents.repealed", 1).value("t2.normative_documents.in_force", 12);
        // When / Then
        assertThat(findings(broken.validate(lastYear(0)), "Y-02")).singleElement()
                .satisfies(f -> assertThat(f.expected()).isEqualByComparingTo("12"));
        assertThat(findings(fine.validate(lastYear(0)), "Y-02")).isEmpty();
    }

    @Test
    void shouldWarnWhenTheNarrativeIsCopiedFromLastYear() {
        // Given
        ParsedReport previous = ReportFixture.clean2021().year(2023).text(1, NARRATIVE_2023)
                .value("t2.normative_documents.in_force", 0).build();
        ReportFixture copied = ReportFixture.clean2021().text(1, NARRATIVE_2023.replace("2023", "2024"));
        ReportFixture rewritten = ReportFixture.clean2021();
        // When / Then
        assertThat(findings(copied.validate(previous), "Y-03")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("相似度"));
        assertThat(findings(rewritten.validate(previous), "Y-03")).isEmpty();
    }

    @Test
    void shouldWarnWhenAllTablesRepeatLastYearsNonZeroNumbers() {
        // Given
        ParsedReport previous = ReportFixture.clean2021().year(2023).text(1, NARRATIVE_2023)
                .value("t2.licensing.decisions", 17).build();
        ReportFixture same = ReportFixture.clean2021().value("t2.licensing.decisions", 17);
        // When / Then
        assertThat(findings(same.validate(previous), "Y-03")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("完全相同"));
    }

    @Test
    void shouldNoteANarrativeClonedFromAnotherAgency() {
        // Given
        ParsedReport other = ReportFixture.clean2021().agency("某某县某某局").text(1, NARRATIVE_2023).build();
        ParsedReport report = ReportFixture.clean2021().text(1, NARRATIVE_2023).build();
        ParsedReport unrelated = ReportFixture.clean2021().build();
        // When
        ValidationResult cloned = new RuleEngine().validate(report, new ValidationContext(Optional.empty(),
                List.of(other)));
        ValidationResult original = new RuleEngine().validate(unrelated, new ValidationContext(Optional.empty(),
                List.of(other)));
        // Then
        assertThat(findings(cloned, "Y-04")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.message()).contains("某某县某某局");
        });
        assertThat(findings(original, "Y-04")).isEmpty();
    }
}

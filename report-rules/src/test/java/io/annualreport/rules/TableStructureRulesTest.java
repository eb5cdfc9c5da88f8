package io.annualreport.rules;

import static io.annualreport.rules.ReportFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.annualreport.model.template.Edition;
import io.annualreport.model.validation.Severity;
import io.annualreport.model.validation.Verdict;

class TableStructureRulesTest {

    @Test
    void shouldReportAMissingTableOnceWithoutArithmeticCascade() {
        // Given: part 三 without its table: no label, no number, no image of it
        ReportFixture report = ReportFixture.clean2021().remove("t3.").text(3, "本年度收到政府信息公开申请的情况如下。");
        // When
        ValidationResult result = report.validate();
        // Then
        assertThat(findings(result, "S-05")).singleElement().satisfies(f -> assertThat(f.section()).isEqualTo(3));
        assertThat(result.findings()).noneMatch(f -> f.ruleId().startsWith("T3-") || f.ruleId().equals("S-06"));
        assertThat(result.notAssessable()).contains("T3-01", "T3-02", "T3-03", "S-06");
        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void shouldNotCallATablePrintedAsAnImageMissing() {
        // Given: part 三 shows its table as a picture, no T3 cell read
        ReportFixture report = ReportFixture.clean2021().remove("t3.").text(3, "![表三](images/t3.png)");
        // When
        ValidationResult result = report.validate();
        // Then
        assertThat(result.findings()).noneMatch(f -> f.severity() == Severity.ERROR);
        assertThat(result.notAssessableReasons().get("S-05")).contains("表三");
        assertThat(result.verdict()).isEqualTo(Verdict.NEEDS_REVIEW);
    }

    @Test
    void shouldNotCallATablePrintedButNotReadMissing() {
        // Given: the T3 header and a row are in the text, but the reader placed no cell
        ReportFixture report = ReportFixture.clean2021().remove("t3.");
        // When
        ValidationResult result = report.validate();
        // Then
        assertThat(findings(result, "S-05")).isEmpty();
        assertThat(result.notAssessable()).contains("S-05", "T3-01", "T3-02", "T3-03");
        assertThat(result.reviewReasons()).anyMatch(r -> r.contains("表三在文中有迹象"));
        assertThat(result.verdict()).isEqualTo(Verdict.NEEDS_REVIEW);
    }

    @Test
    void shouldReportMissingT3RowsInOneFinding() {
        // Given
        ReportFixture report = ReportFixture.clean2021().remove("t3.withheld_").remove("t3.carried_forward");
        // When
        ValidationResult result = report.validate();
        // Then
        assertThat(findings(result, "S-06")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.cells()).hasSize(9);
        });
        assertThat(result.findings()).noneMatch(f -> f.ruleId().startsWith("T3-"));
    }

    @Test
    void shouldNotCallARowPrintedWithBlankCellsMissing() {
        // Given: the parser saw the row but could not place its 6 values in 7 columns (one cell printed blank)
        ReportFixture report = ReportFixture.clean2021().remove("t3.withheld_enforcement_files.")
                .warning("ROW_UNREADABLE", "t3.withheld_enforcement_files", "row 7.属于行政执法案卷: 6 of 7 values"
                        + " printed; their columns are unknown; printed label reads \"7.属于行政执法案卷\"");
        // When
        ValidationResult result = report.validate();
        // Then
        assertThat(findings(result, "S-06")).isEmpty();
        assertThat(findings(result, "V-03")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).contains("t3.withheld_enforcement_files");
        });
        assertThat(result.findings()).noneMatch(f -> f.severity() == Severity.ERROR);
    }

    @Test
    void shouldNotCallARowWithUnplaceableValuesMissing() {
        // Given: the row's label is printed but its 11 values cannot be placed in 7 columns: a reading failure
        ReportFixture report = ReportFixture.clean2021().remove("t3.withheld_enforcement_files.")
                .warning("ROW_UNREADABLE", "t3.withheld_enforcement_files",
                        "row 7.属于行政执法案卷: 11 values for 7 columns; printed label reads \"7.属于行政执法案卷\"");
        // When
        ValidationResult result = report.validate();
        // Then
        assertThat(findings(result, "S-06")).isEmpty();
        assertThat(findings(result, "V-03")).isEmpty();
        assertThat(result.notAssessable()).contains("S-06", "T3-02");
        assertThat(result.verdict()).isEqualTo(Verdict.NEEDS_REVIEW);
    }

    @Test
    void shouldNotCallAT4PrintedWithABlankCellMissing() {
        // Given: T4 printed with 14 of its 15 values, so none of them could be placed
        ReportFixture report = ReportFixture.clean2021().remove("t4.").warning("ROW_UNREADABLE", "t4.all",
                "row 行政复议/行政诉讼: 14 of 15 values printed; their columns are unknown");
        // When
        ValidationResult result = report.validate();
        // Then
        assertThat(findings(result, "S-05")).isEmpty();
        assertThat(findings(result, "V-03")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("表四"));
        assertThat(result.findings()).noneMatch(f -> f.severity() == Severity.ERROR);
    }

    @Test
    void shouldStillReportAMissingT4WithoutABlankCellWarning() {
        // Given: part 四 without its table
        ReportFixture report = ReportFixture.clean2021().remove("t4.").text(4, "本年度未发生政府信息公开行政复议、行政诉讼案件。");
        // When
        ValidationResult result = report.validate();
        // Then
        assertThat(findings(result, "S-05")).singleElement().satisfies(f -> assertThat(f.section()).isEqualTo(4));
    }

    @Test
    void shouldFlagAMissingT3Column() {
        // Given
        ReportFixture report = ReportFixture.clean2021();
        for (var row : io.annualreport.model.template.TemplateRegistry.t3Rows(Edition.E2021)) {
            report.remove("t3." + row.key() + ".legal_service_org");
        }
        // When
        ValidationResult result = report.validate();
        // Then
        assertThat(findings(result, "S-07")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("法律服务机构"));
    }

    @Test
    void shouldFlagAnIncompleteT4() {
        // Given
        ReportFixture report = ReportFixture.clean2021().remove("t4.all.litigation_after_review");
        // When
        ValidationResult result = report.validate();
        // Then
        assertThat(findings(result, "S-08")).singleElement()
                .satisfies(f -> assertThat(f.actual()).isEqualByComparingTo("10"));
    }

    @Test
    void shouldWarnAboutT2LabelsOfTheWrongShape() {
        // Given
        ReportFixture report = ReportFixture.clean2021().text(2,
                "第二十条第（一）项\n信息内容\t本年(2023)制发件数\t本年废止件数\t现行有效件数\n规范性文件\t0\t0\t0\n"
                        + "行政许可\t本年处理决定数量\t0\n本年收费金额（单位：万元）");
        // When
        ValidationResult result = report.validate();
        // Then
        assertThat(findings(result, "S-09")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).contains("本年制发件数", "规范性文件");
        });
    }

    @Test
    void shouldFlagAnOldFormatIn2023AndANewFormatIn2020() {
        // Given
        ReportFixture old2023 = ReportFixture.clean2019().year(2023);
        ReportFixture new2020 = ReportFixture.clean2021().year(2020);
        // When / Then
        assertThat(findings(old2023.validate(), "S-10")).singleElement()
                .satisfies(f -> assertThat(f.message()).isEqualTo("2023年度报告使用了2019版格式"));
        assertThat(findings(new2020.validate(), "S-10")).hasSize(1);
    }

    @Test
    void shouldFlagMarkersOfBothEditions() {
        // Given
        ReportFixture report = ReportFixture.clean2021().appendText(2, "第二十条第（九）项\n信息内容\t采购项目数量\t采购总金额\n政府集中采购\t0\t0");
        // When
        ValidationResult result = report.validate();
        // Then
        assertThat(findings(result, "S-11")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("政府集中采购"));
    }

    @Test
    void shouldWarnWhenTheIdentityNoteIsMissing() {
        // Given
        ReportFixture report = ReportFixture.clean2021().text(3, "申请人情况\t自然人");
        // When
        ValidationResult result = report.validate();
        // Then
        assertThat(findings(result, "S-14")).hasSize(1);
    }
}

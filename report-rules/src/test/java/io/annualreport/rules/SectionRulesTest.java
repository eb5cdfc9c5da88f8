package io.annualreport.rules;

import static io.annualreport.rules.ReportFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.annualreport.model.validation.Severity;

class SectionRulesTest {

    @Test
    void shouldFlagAMissingPart() {
        // Given: a complete report (it ends with the agency and the date) without parts 五 and 六
        ReportFixture report = ReportFixture.clean2021().withoutSection(5).withoutSection(6)
                .closing("本局\n2025年1月20日");
        // When
        ValidationResult result = report.validate();
        // Then
        assertThat(findings(result, "S-01")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.section()).isEqualTo(5);
            assertThat(f.message()).isEqualTo("缺少第五、六部分：存在的主要问题及改进情况；其他需要报告的事项");
        });
    }

    @Test
    void shouldNotCallPartsMissingInAFileCutShort() {
        // Given: the text stops in the middle of a sentence after part 四: the rest of the file was not read
        ReportFixture report = ReportFixture.clean2021().withoutSection(5).withoutSection(6)
                .closing("2024年，本局政府信息公开工作还存在公开内容不够");
        // When
        ValidationResult result = report.validate();
        // Then
        assertThat(findings(result, "S-01")).isEmpty();
        assertThat(result.notAssessableReasons()).containsKey("S-01");
        assertThat(result.notAssessableReasons().get("S-01")).contains("文件不完整");
        assertThat(result.verdict()).isEqualTo(io.annualreport.model.validation.Verdict.NEEDS_REVIEW);
    }

    @Test
    void shouldNotCallAPartUnderARegionalHeadingMissing() {
        // Given: part 三 printed as "三、依申请公开情况", which the parser did not take for a part heading
        ReportFixture report = ReportFixture.clean2021().heading(3, "三、依申请公开情况").unsplit(3);
        // When
        ValidationResult result = report.validate();
        // Then
        assertThat(findings(result, "S-01")).isEmpty();
        assertThat(result.reviewReasons()).anyMatch(r -> r.contains("第三部分在文中有迹象"));
        assertThat(result.verdict()).isEqualTo(io.annualreport.model.validation.Verdict.NEEDS_REVIEW);
    }

    @Test
    void shouldNotCallAPartWithAnOcrConfusionInItsHeadingMissing() {
        // Given: OCR read 其他需要报告的事项 as 具他需要报告的事项, so the parser missed part 六
        ReportFixture report = ReportFixture.clean2021().heading(6, "六、具他需要报告的事项").unsplit(6);
        // When
        ValidationResult result = report.validate();
        // Then
        assertThat(findings(result, "S-01")).isEmpty();
        assertThat(result.verdict()).isEqualTo(io.annualreport.model.validation.Verdict.NEEDS_REVIEW);
    }

    @Test
    void shouldFlagPartsOutOfOrder() {
        // Given
        var built = ReportFixture.clean2021().build();
        var sections = new java.util.ArrayList<>(built.sections());
        var five = sections.get(4);
        sections.set(4, new io.annualreport.model.report.Section(5, five.heading(), five.text(), 0, 10));
        var report = new io.annualreport.model.report.ParsedReport(built.identity(), sections, built.cells(),
                built.facts(), null, built.parseWarnings(), built.text());
        // When
        ValidationResult result = new RuleEngine().validate(report, ValidationContext.standalone());
        // Then
        assertThat(findings(result, "S-02")).hasSize(1);
    }

    @Test
    void shouldWarnAboutNonCanonicalHeadingsAndArabicNumbering() {
        // Given
        ReportFixture report = ReportFixture.clean2021().heading(4, "四、因政府信息公开工作被申请行政复议和提起行政诉讼情况")
                .heading(1, "1、总体情况");
        ReportFixture bracketVariant = ReportFixture.clean2021().heading(1, "一. 总体情况：");
        // When
        ValidationResult result = report.validate();
        // Then
        assertThat(findings(result, "S-03")).extracting(f -> f.section()).containsExactly(1, 4);
        assertThat(findings(result, "S-04")).isNotEmpty()
                .allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
        assertThat(findings(bracketVariant.validate(), "S-03")).isEmpty();
    }

    @Test
    void shouldWarnAboutTitleVariantsAndAcceptATitleWrappedAfterTheAgency() {
        // Given
        ReportFixture variant = ReportFixture.clean2021().title("某某区某某局2024年度政府信息公开工作报告");
        ReportFixture wrapped = ReportFixture.clean2021().title("淮安市人民政府\n2024 年政府信息公开工作年度报告");
        ReportFixture none = ReportFixture.clean2021().title(null);
        ReportFixture sentence = ReportFixture.clean2021().title(
                "根据《中华人民共和国政府信息公开条例》规定，现公布本局2024年政府信息公开工作年度报告，统计期限为2024年全年。");
        // When / Then
        assertThat(findings(variant.validate(), "S-12")).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
        assertThat(findings(wrapped.validate(), "S-12")).isEmpty();
        assertThat(findings(none.validate(), "S-12")).hasSize(1);
        assertThat(findings(sentence.validate(), "S-12")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("未找到报告标题"));
    }

    @Test
    void shouldFlagAStatisticalPeriodOfAnotherYearAndNoteAnAbsentOne() {
        // Given
        ReportFixture wrongYear = ReportFixture.clean2021().preamble("本报告统计期限自2023年1月1日至2023年12月31日。");
        ReportFixture absent = ReportFixture.clean2021().preamble(null);
        // When / Then
        assertThat(findings(wrongYear.validate(), "S-13")).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
        assertThat(findings(absent.validate(), "S-13")).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
    }

    @Test
    void shouldWarnPerSubTopicMissingFromPartOne() {
        // Given
        ReportFixture report = ReportFixture.clean2021().text(1, "2024年，本局主动公开政府信息，依申请公开工作规范。");
        // When
        ValidationResult result = report.validate();
        // Then
        assertThat(findings(result, "S-15")).extracting(f -> f.message()).containsExactly("第一部分未涉及“政府信息管理”",
                "第一部分未涉及“政府信息公开平台建设”", "第一部分未涉及“监督保障”");
    }

    @Test
    void shouldWarnWhenPartFiveDeniesProblemsOrIsEmpty() {
        // Given
        ReportFixture denial = ReportFixture.clean2019().text(5, "2020年我局政务公开目前没有问题。下一步，我们将进一步提升工作水平。");
        ReportFixture empty = ReportFixture.clean2021().text(5, "无");
        // When / Then
        assertThat(findings(denial.validate(), "S-16")).singleElement()
                .satisfies(f -> assertThat(f.evidence()).contains("没有问题"));
        assertThat(findings(empty.validate(), "S-16")).hasSize(1);
    }

    @Test
    void shouldWarnWhenPartSixOf2021SaysNothingAboutFees() {
        // Given
        ReportFixture report = ReportFixture.clean2021().text(6, "无");
        ReportFixture older = ReportFixture.clean2019().text(6, "无");
        // When / Then
        assertThat(findings(report.validate(), "S-17")).singleElement()
                .satisfies(f -> assertThat(f.section()).isEqualTo(6));
        assertThat(findings(older.validate(), "S-17")).isEmpty();
    }

    @Test
    void shouldFlagPlaceholdersAndMissingNumbers() {
        // Given
        ReportFixture missingNumber = ReportFixture.clean2021().appendText(1, "全年共主动公开条，其中政策文件若干。");
        ReportFixture placeholder = ReportFixture.clean2021().appendText(1, "全年收到申请XX件。");
        ReportFixture fine = ReportFixture.clean2021().appendText(1, "全年共主动公开12条，共发布条例解读3篇。");
        // When / Then
        assertThat(findings(missingNumber.validate(), "S-18")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("共主动公开条"));
        assertThat(findings(placeholder.validate(), "S-18")).hasSize(1);
        assertThat(findings(fine.validate(), "S-18")).isEmpty();
    }

    @Test
    void shouldWarnWhenThePreambleListsOtherPartsThanTheSix() {
        // Given
        ReportFixture report = ReportFixture.clean2021().preamble(
                "本报告由总体情况、主动公开政府信息情况、政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项等六个部分组成。");
        ReportFixture fine = ReportFixture.clean2021().preamble("本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、"
                + "政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六个部分组成。");
        // When / Then
        assertThat(findings(report.validate(), "S-19")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("收到和处理政府信息公开申请情况"));
        assertThat(findings(fine.validate(), "S-19")).isEmpty();
    }
}

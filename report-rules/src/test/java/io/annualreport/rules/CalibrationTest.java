package io.annualreport.rules;

import static io.annualreport.rules.ReportFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.annualreport.model.report.Doubt;
import io.annualreport.model.report.Extraction;
import io.annualreport.model.report.ExtractionMethod;
import io.annualreport.model.report.PartReading;
import io.annualreport.model.report.ReadingReport;
import io.annualreport.model.report.ReadingStatus;
import io.annualreport.model.report.TableReading;
import io.annualreport.model.report.Unread;
import io.annualreport.model.report.UnreadReason;
import io.annualreport.model.template.TableId;
import io.annualreport.model.validation.Severity;
import io.annualreport.model.validation.Verdict;
import io.annualreport.rules.engine.Calibration;

/** The engine judges findings by the certainty of their inputs and uses the parser's reading report. */
class CalibrationTest {

    private static ReadingReport reading(List<PartReading> parts, List<TableReading> tables, boolean complete,
            List<String> identityDoubts) {
        return new ReadingReport(parts, tables, complete, List.of(), identityDoubts);
    }

    @Test
    void shouldTurnAnErrorOnADoubtfulCellIntoAWarningThatNamesTheCell() {
        // Given: a row total that disagrees with its row, read in an inferred column
        ReportFixture report = ReportFixture.clean2021().t3("disclosed", "total", 7)
                .doubtful("t3.disclosed.total", Doubt.COLUMN_INFERRED);
        // When
        ValidationResult result = report.validate();
        // Then
        assertThat(findings(result, "T3-01")).isNotEmpty().allSatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).startsWith(Calibration.CHECK_PREFIX).contains("（一）予以公开").contains("所在列为推断");
        });
        assertThat(result.findings()).noneMatch(f -> f.severity() == Severity.ERROR);
        assertThat(result.verdict()).isEqualTo(Verdict.NEEDS_REVIEW);
        assertThat(result.reviewReasons()).anyMatch(r -> r.contains("T3-01"));
    }

    @Test
    void shouldStillFailOnAnErrorOnCertainCells() {
        // Given: the same wrong row total, read with certainty
        ReportFixture report = ReportFixture.clean2021().t3("disclosed", "total", 7);
        // When
        ValidationResult result = report.validate();
        // Then
        assertThat(findings(result, "T3-01")).anySatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void shouldMakeARuleWithAnUnreadInputNotAssessableWithAChineseReason() {
        // Given: the reading report says the (一) row's numbers could not be placed
        ReportFixture report = ReportFixture.clean2021().remove("t3.disclosed.").reading(reading(List.of(),
                List.of(new TableReading(TableId.T3, ReadingStatus.PARTLY_READ, "label", 25, 24, 175, 168, 0,
                        List.of(new Unread("t3.disclosed", UnreadReason.NUMBERS_NOT_PLACEABLE, "7 个数字")))),
                true, List.of()));
        // When
        ValidationResult result = report.validate();
        // Then
        assertThat(result.findings()).noneMatch(f -> f.severity() == Severity.ERROR);
        assertThat(result.notAssessable()).contains("T3-02", "S-06");
        assertThat(result.notAssessableReasons().get("T3-02")).contains("未读出").contains("数字无法对应到列");
        assertThat(result.verdict()).isEqualTo(Verdict.NEEDS_REVIEW);
    }

    @Test
    void shouldTrustTheReadingReportThatAPartIsPresentButUnread() {
        // Given: part 五 not split out, and the reading report found it by its content
        ReportFixture report = ReportFixture.clean2021().withoutSection(5).reading(reading(
                List.of(new PartReading(5, ReadingStatus.PRESENT_UNREAD, "content", null)), List.of(), true,
                List.of()));
        // When
        ValidationResult result = report.validate();
        // Then
        assertThat(findings(result, "S-01")).isEmpty();
        assertThat(result.verdict()).isEqualTo(Verdict.NEEDS_REVIEW);
    }

    @Test
    void shouldCallAPartMissingWhenTheReadingReportSaysAbsentInACompleteFile() {
        // Given
        ReportFixture report = ReportFixture.clean2021().withoutSection(5).reading(reading(
                List.of(new PartReading(5, ReadingStatus.ABSENT, null, null)), List.of(), true, List.of()));
        // When
        ValidationResult result = report.validate();
        // Then
        assertThat(findings(result, "S-01")).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void shouldNotCallAPartMissingInTextReadByOcr() {
        // Given: a scan whose part 五 heading OCR garbled beyond recognition, in a complete file
        ReportFixture report = ReportFixture.clean2021().withoutSection(5)
                .extraction(new Extraction("application/pdf", ExtractionMethod.OCR, 4, 6000, 9000, List.of(),
                        List.of()))
                .reading(reading(List.of(new PartReading(5, ReadingStatus.ABSENT, null, null)), List.of(), true,
                        List.of()));
        // When
        ValidationResult result = report.validate();
        // Then: no accusation, a request for review
        assertThat(findings(result, "S-01")).isEmpty();
        assertThat(result.notAssessableReasons()).containsKey("S-01");
        assertThat(result.verdict()).isEqualTo(Verdict.NEEDS_REVIEW);
    }

    @Test
    void shouldNotCallAPartMissingInAnIncompleteFile() {
        // Given: the reading report says the file is truncated
        ReportFixture report = ReportFixture.clean2021().withoutSection(6).reading(reading(
                List.of(new PartReading(6, ReadingStatus.ABSENT, null, null)), List.of(), false, List.of()));
        // When
        ValidationResult result = report.validate();
        // Then
        assertThat(findings(result, "S-01")).isEmpty();
        assertThat(result.verdict()).isEqualTo(Verdict.NEEDS_REVIEW);
    }

    @Test
    void shouldAskForReviewWhenTheIdentityIsUncertain() {
        // Given
        ReportFixture report = ReportFixture.clean2021()
                .reading(reading(List.of(), List.of(), true, List.of("AGENCY_ABBREVIATED")));
        // When
        ValidationResult result = report.validate();
        // Then
        assertThat(result.verdict()).isEqualTo(Verdict.NEEDS_REVIEW);
        assertThat(result.reviewReasons()).anyMatch(r -> r.startsWith("报告身份存疑") && r.contains("AGENCY_ABBREVIATED"));
    }

    @Test
    void shouldAskForReviewWithoutAnAgency() {
        // Given
        ReportFixture report = ReportFixture.clean2021().agency(null);
        // When
        ValidationResult result = report.validate();
        // Then
        assertThat(result.verdict()).isEqualTo(Verdict.NEEDS_REVIEW);
        assertThat(result.reviewReasons()).contains("报告身份存疑：未能确定发布机关");
    }

    @Test
    void shouldPassACleanReportWithoutReviewReasons() {
        // When
        ValidationResult result = ReportFixture.clean2021().validate();
        // Then
        assertThat(result.reviewReasons()).isEmpty();
        assertThat(result.verdict()).isIn(Verdict.PASS, Verdict.WARN);
    }
}

package io.annualreport.rules;

import static io.annualreport.rules.ReportFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.annualreport.model.report.Fact;
import io.annualreport.model.validation.Severity;

class OtherNarrativeRulesTest {

    @Test
    void shouldHintWhenFeeUnpaidClosuresExceedTheNoticesSent() {
        // Given
        ReportFixture report = ReportFixture.clean2021().t3Row("new_received", 3, 0).t3Row("other_fee_unpaid", 3, 0)
                .t3Row("total_handled", 3, 0).text(6, "本年度发出收费通知1件，实际收取信息处理费0元。");
        ReportFixture fine = ReportFixture.clean2021().t3Row("new_received", 3, 0).t3Row("other_fee_unpaid", 1, 0)
                .t3Row("disclosed", 2, 0).t3Row("total_handled", 3, 0).text(6, "本年度发出收费通知1件。");
        // When / Then
        assertThat(findings(report.validate(), "X-11")).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
        assertThat(findings(fine.validate(), "X-11")).isEmpty();
    }

    @Test
    void shouldWarnWhenTheBodyTalksAboutAnotherYear() {
        // Given
        ReportFixture report = ReportFixture.clean2021().text(1,
                "2023年，本局主动公开信息。2023年，本局依申请公开工作规范。2023年，加强政府信息管理、平台建设和监督保障。");
        ReportFixture plan = ReportFixture.clean2021().text(5,
                "2024年存在公开不及时的问题。2025年将加强培训。2025年将完善制度。");
        // When / Then
        assertThat(findings(report.validate(), "X-12")).singleElement()
                .satisfies(f -> assertThat(f.actual()).isEqualByComparingTo("2023"));
        assertThat(findings(plan.validate(), "X-12")).isEmpty();
    }

    @Test
    void shouldWarnWhenAnEnumerationDoesNotAddUp() {
        // Given
        ReportFixture report = ReportFixture.clean2021().appendText(1,
                "2022年，我局在郑州市政务公开网公开各类信息16条，其中政务服务改革工作信息13条，事项清单公告公示6条，人大建议1条，"
                        + "部门决算预算2条，组织机构等信息1条，政府信息公开指南2条。");
        // When
        ValidationResult result = report.validate();
        // Then
        assertThat(findings(result, "X-13")).singleElement().satisfies(f -> {
            assertThat(f.expected()).isEqualByComparingTo("16");
            assertThat(f.actual()).isEqualByComparingTo("25");
            assertThat(f.message()).contains("13+6+1+2+1+2");
        });
    }

    @Test
    void shouldAcceptEnumerationsThatAddUpOrAreApproximate() {
        // Given
        ReportFixture report = ReportFixture.clean2021().appendText(1,
                "政府信息公开行政复议 351件，其中结果维持 72件，结果纠正 64件，其他结果 178件，尚未审结 37件；"
                        + "全年主动公开信息5500余条，其中政策文件11条，解读21条。");
        // When
        ValidationResult result = report.validate();
        // Then
        assertThat(findings(result, "X-13")).isEmpty();
    }

    @Test
    void shouldUseEnumerationFactsFromTheParser() {
        // Given
        Fact fact = new Fact("published_items", new BigDecimal("20"), 1, "共公开20条，其中…", 0, 0, List.of(
                new Fact.FactPart("工作动态", new BigDecimal("10")), new Fact.FactPart("通知公告", new BigDecimal("16"))));
        ReportFixture report = ReportFixture.clean2021().fact(fact);
        // When
        ValidationResult result = report.validate();
        // Then
        assertThat(findings(result, "X-13")).singleElement()
                .satisfies(f -> assertThat(f.actual()).isEqualByComparingTo("26"));
    }

    @Test
    void shouldNotFlagAPartialListOrTheStatementAfterTheList() {
        // Given
        ReportFixture report = ReportFixture.clean2021().appendText(1,
                "全年政府门户网站发布各类信息3659条，其中主动公开政策文件352条，新闻类信息854条，政府重要会议19条。"
                        + "2022年共收到依申请公开1件，其中网上申请1件，书面申请0件，已办结1件，办结率100%。");
        // When
        ValidationResult result = report.validate();
        // Then
        assertThat(findings(result, "X-13")).isEmpty();
    }
}

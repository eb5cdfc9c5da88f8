package io.annualreport.parser.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.annualreport.model.document.ExtractedDocument;
import io.annualreport.model.report.Fact;
import io.annualreport.model.report.ParsedReport;
import io.annualreport.parser.ParseHints;
import io.annualreport.parser.ReportParser;

class FactExtractorTest {

    private static ParsedReport parse(String text) {
        return new ReportParser().parse(new ExtractedDocument(text, List.of(), List.of(), null), ParseHints.none());
    }

    private static List<Fact> named(ParsedReport report, String name) {
        return report.facts().stream().filter(f -> f.name().equals(name) && !f.sentenceFact()).toList();
    }

    @Test
    void shouldReadApplicationCountsFromASentenceWrappedOverPdfRows() {
        // Given: 淮安市 2024, the sentence broken across visual rows and a page number
        String text = """
                一、总体情况
                （二）依申请公开情况。2024年，全市共受理政府信息公开申请 3119件，答
                复 3050件（含上年度结转申请 34件，另有 103件顺延到下年度
                - 3 -
                答复），均在法定期限内予以答复。政府信息公开行政复议 351
                件，其中结果维持 72件。政府信息公开行政诉讼 46件，其中结果维持 25件。
                二、主动公开政府信息情况
                """;
        // When
        ParsedReport report = parse(text);
        // Then
        assertThat(named(report, "applications_received")).singleElement().satisfies(f -> {
            assertThat(f.value()).isEqualByComparingTo("3119");
            assertThat(f.section()).isEqualTo(1);
            assertThat(f.evidence()).startsWith("2024年，全市共受理政府信息公开申请 3119件");
            assertThat(text.substring(f.start(), f.end())).contains("3119件");
        });
        assertThat(named(report, "applications_handled")).extracting(Fact::value).containsExactly(
                new java.math.BigDecimal("3050"));
        assertThat(named(report, "applications_carried_over").get(0).value()).isEqualByComparingTo("34");
        assertThat(named(report, "applications_carried_forward").get(0).value()).isEqualByComparingTo("103");
        assertThat(named(report, "review_cases").get(0).value()).isEqualByComparingTo("351");
        assertThat(named(report, "litigation_cases").get(0).value()).isEqualByComparingTo("46");
    }

    @Test
    void shouldReadOutcomeCountsInQuotes() {
        // Given
        String text = "一、总体情况\n二是在收到的依申请公开事项中，已答复59件。其中“予以公开”3件，占5.1%；“部分公开”36件，占61%；"
                + "“不予公开”2件；“无法提供”18件，占30.5%。\n";
        // When
        ParsedReport report = parse(text);
        // Then
        assertThat(named(report, "disclosed").get(0).value()).isEqualByComparingTo("3");
        assertThat(named(report, "partially_disclosed").get(0).value()).isEqualByComparingTo("36");
        assertThat(named(report, "withheld").get(0).value()).isEqualByComparingTo("2");
        assertThat(named(report, "unavailable").get(0).value()).isEqualByComparingTo("18");
        assertThat(named(report, "applications_handled").get(0).value()).isEqualByComparingTo("59");
    }

    @Test
    void shouldReadYesNoPhrasesAsOneValuedFacts() {
        // Given
        String text = """
                一、总体情况
                2021年，本单位未收到政府信息公开申请。
                四、政府信息公开行政复议、行政诉讼情况
                本年度无因政府信息公开引起的行政复议、行政诉讼。上年度案件均获维持。
                六、其他需要报告的事项
                本单位 2024 年度未收取政府信息公开信息处理费。本年度无发出收费通知。
                """;
        // When
        ParsedReport report = parse(text);
        // Then
        assertThat(named(report, "no_applications_received")).singleElement()
                .satisfies(f -> assertThat(f.value()).isEqualByComparingTo("1"))
                .satisfies(f -> assertThat(f.section()).isEqualTo(1));
        assertThat(named(report, "no_review_or_litigation")).singleElement()
                .satisfies(f -> assertThat(f.section()).isEqualTo(4));
        assertThat(named(report, "all_upheld")).singleElement()
                .satisfies(f -> assertThat(f.evidence()).isEqualTo("上年度案件均获维持。"));
        assertThat(named(report, "no_fees_collected")).hasSize(1);
        assertThat(named(report, "no_fee_notices")).hasSize(1);
        assertThat(named(report, "applications_received")).isEmpty();
    }

    @Test
    void shouldReadFeesInYuanAndFeeNotices() {
        // Given
        String text = """
                六、其他需要报告的事项
                2024 年，市政府全年收取政府信息公开信息处理费 3940 元。发出收费通知 2 件。
                """;
        String allZero = "六、其他需要报告的事项\n发出收费通知的件数和总金额及实际收取的总金额均为0。";
        // When
        ParsedReport report = parse(text);
        ParsedReport zero = parse(allZero);
        // Then
        assertThat(named(report, "fees_collected").get(0).value()).isEqualByComparingTo("3940");
        assertThat(named(report, "fee_notices").get(0).value()).isEqualByComparingTo("2");
        assertThat(named(zero, "fees_collected").get(0).value()).isEqualByComparingTo("0");
        assertThat(named(zero, "fee_notices").get(0).value()).isEqualByComparingTo("0");
    }

    @Test
    void shouldReadAnEnumerationWithItsParts() {
        // Given: seed 001, 16 announced but the parts add up to 25
        String text = "一、总体情况\n（一）主动公开情况\n2022年，我局在郑州市政务公开网公开各类信息16条，其中政务服务改革工作信息13条，事项清单公告公示6条，"
                + "人大建议1条，部门决算预算2条，组织机构等信息1条，政府信息公开指南2条。\n";
        // When
        ParsedReport report = parse(text);
        // Then
        assertThat(named(report, "enumeration")).singleElement().satisfies(f -> {
            assertThat(f.value()).isEqualByComparingTo("16");
            assertThat(f.parts()).extracting(Fact.FactPart::label).containsExactly("政务服务改革工作信息", "事项清单公告公示",
                    "人大建议", "部门决算预算", "组织机构等信息", "政府信息公开指南");
            assertThat(f.parts().stream().map(Fact.FactPart::value).reduce(java.math.BigDecimal.ZERO,
                    java.math.BigDecimal::add)).isEqualByComparingTo("25");
        });
    }

    @Test
    void shouldSkipANestedListAndReadATotalPrintedAfterItsParts() {
        // Given
        String nested = "一、总体情况\n2022年，主动公开政府信息1045条，其中，通过政府网站公开政府信息846条，包括机构信息4条、政策文件8条；"
                + "通过政务微信发布信息199条。\n";
        String totalLast = "一、总体情况\n本单位全年公开工作动态 56条、通知公告 14条、权责清单 8条，共计 78条。\n";
        // When
        ParsedReport nestedReport = parse(nested);
        ParsedReport totalLastReport = parse(totalLast);
        // Then
        assertThat(named(nestedReport, "enumeration")).singleElement().satisfies(f -> assertThat(f.parts())
                .extracting(Fact.FactPart::value).containsExactly(new java.math.BigDecimal("846"),
                        new java.math.BigDecimal("199")));
        assertThat(named(totalLastReport, "enumeration")).singleElement().satisfies(f -> {
            assertThat(f.value()).isEqualByComparingTo("78");
            assertThat(f.parts()).hasSize(3);
        });
    }

    @Test
    void shouldNotTakeHotlineCountsForApplications() {
        // Given: seed 002 counts 市长热线 and 网民留言, which are not 政府信息公开申请
        String text = "一、总体情况\n截至 2020 年 11 月底,共签收\"市长热线\"件 2363 件,处办完成 2363 件;收到省、市、区级\"网民留言\"330 件。\n";
        // When
        ParsedReport report = parse(text);
        // Then
        assertThat(named(report, "applications_received")).isEmpty();
    }
}

package io.annualreport.parser.sections;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.annualreport.model.document.ExtractedDocument;
import io.annualreport.model.report.ParseWarning;
import io.annualreport.model.report.ParsedReport;
import io.annualreport.parser.ParseHints;
import io.annualreport.parser.ReportParser;
import io.annualreport.parser.text.DocumentLines;

class SectionSplitterTest {

    private static SectionSplitter.Parts split(String text, List<ParseWarning> warnings) {
        return SectionSplitter.split(DocumentLines.of(text, List.of()), text, warnings);
    }

    @Test
    void shouldReadMarkdownHeadingsAndSkipAHeadingPrintedTwice() {
        // Given
        String text = """
                #### 一、总体情况

                #### 一、总体情况

                正文一。
                ## 二、主动公开政府信息情况
                表二
                # 三、收到和处理政府信息公开申请情况
                表三
                ## 四、政府信息公开行政复议、行政诉讼情况
                表四
                **五、存在的主要问题及改进情况**
                正文五。
                ### 六、其他需要报告的事项
                无
                """;
        List<ParseWarning> warnings = new ArrayList<>();
        // When
        SectionSplitter.Parts parts = split(text, warnings);
        // Then
        assertThat(parts.sections()).extracting(s -> s.number()).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(parts.sections()).extracting(s -> s.heading()).containsExactly("一、总体情况", "二、主动公开政府信息情况",
                "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项");
        assertThat(parts.sections().get(0).text()).isEqualTo("正文一。");
        assertThat(parts.sections().get(4).text()).isEqualTo("正文五。");
        assertThat(warnings).extracting(ParseWarning::code).containsExactly("SECTION_HEADING_REPEATED");
    }

    @Test
    void shouldAcceptFullAndHalfWidthAndArabicNumbering() {
        // Given
        String text = """
                １、总体情况
                正文
                二．主动公开政府信息情况
                第三部分 收到和处理政府信息公开申请情况
                4.政府信息公开行政复议、行政诉讼情况
                五, 存在的主要问题和改进措施
                六、其他需要汇报事项
                """;
        List<ParseWarning> warnings = new ArrayList<>();
        // When
        SectionSplitter.Parts parts = split(text, warnings);
        // Then
        assertThat(parts.sections()).extracting(s -> s.number()).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(warnings).isEmpty();
    }

    @Test
    void shouldNotTakeSubHeadingsOrTableRowsForParts() {
        // Given
        String text = """
                一、总体情况
                （二）依申请公开情况
                （三）政府信息公开行政复议、行政诉讼情况
                2、依申请公开。本单位未收到申请。
                二、主动公开政府信息情况
                三、收到和处理政府信息公开申请情况
                一、本年新收政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0
                二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0
                四、结转下年度继续办理 0 0 0 0 0 0 0
                四、政府信息公开行政复议、行政诉讼情况
                """;
        List<ParseWarning> warnings = new ArrayList<>();
        // When
        SectionSplitter.Parts parts = split(text, warnings);
        // Then
        assertThat(parts.sections()).extracting(s -> s.heading()).containsExactly("一、总体情况", "二、主动公开政府信息情况",
                "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况");
        assertThat(parts.headingLines()[3]).isEqualTo(9);
    }

    @Test
    void shouldReportMissingPartsWithoutGuessing() {
        // Given
        String text = """
                一、总体情况
                正文
                二、主动公开政府信息情况
                三、收到和处理政府信息公开申请情况
                六、其他需要报告的事项
                无
                """;
        List<ParseWarning> warnings = new ArrayList<>();
        // When
        SectionSplitter.Parts parts = split(text, warnings);
        // Then
        assertThat(parts.sections()).extracting(s -> s.number()).containsExactly(1, 2, 3, 6);
        assertThat(warnings).filteredOn(w -> w.code().equals("SECTION_MISSING")).extracting(ParseWarning::subject)
                .containsExactly("section.4", "section.5");
    }

    @Test
    void shouldFollowShanghaiStyleRenumberedPartsAndReadTablesRenumberedOneToThree() {
        // Given: 一、概述 … 七、其他需要报告的事项, then the three tables in an appendix numbered 一 to 三
        String text = """
                上海市某区某局2019年政府信息公开工作年度报告
                一、概述
                本局认真贯彻条例。
                二、主动公开政府信息情况
                本年主动公开信息120条。
                三、依申请公开政府信息情况
                本年收到申请3件。
                四、政府信息公开的收费及减免情况
                未收取费用。
                五、因政府信息公开申请行政复议、提起行政诉讼的情况
                未发生。
                六、政府信息公开工作存在的主要问题和改进措施
                公开意识有待加强。
                七、其他需要报告的事项
                无。
                附表
                一、主动公开政府信息情况
                第二十条第（一）项
                信息内容 本年新制作数量 本年新公开数量 对外公开总数量
                规章 0 0 0
                规范性文件 2 2 10
                二、收到和处理政府信息公开申请情况
                （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）
                一、本年新收政府信息公开申请数量 3 0 0 0 0 0 3
                二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0
                三、政府信息公开行政复议、行政诉讼情况
                行政复议 行政诉讼
                结果维持 结果纠正 其他结果 尚未审结 总计
                0 0 0 0 0 0 0 0 0 0 0 0 0 0 0
                """;
        // When
        ParsedReport report = new ReportParser().parse(new ExtractedDocument(text, List.of(), List.of(), null),
                ParseHints.none());
        // Then
        assertThat(report.sections()).extracting(s -> s.number()).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(report.sections().get(2).text()).contains("四、政府信息公开的收费及减免情况");
        assertThat(report.sections().get(3).heading()).isEqualTo("五、因政府信息公开申请行政复议、提起行政诉讼的情况");
        assertThat(report.parseWarnings()).filteredOn(w -> w.code().equals("SECTION_RENUMBERED"))
                .extracting(ParseWarning::subject).containsExactly("section.4", "section.5", "section.6");
        assertThat(report.cells().get("t2.normative_documents.total_published").value()).isEqualByComparingTo("10");
        assertThat(report.cells().get("t3.new_received.total").value()).isEqualByComparingTo("3");
        assertThat(report.cells().get("t4.all.review_total").value()).isEqualByComparingTo("0");
        assertThat(report.cells().keySet().stream().filter(k -> k.startsWith("t4."))).hasSize(15);
    }
}

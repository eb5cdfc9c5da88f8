package io.annualreport.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.annualreport.model.report.Cell;
import io.annualreport.model.report.CellSemantic;
import io.annualreport.model.report.ParsedReport;
import io.annualreport.model.template.Edition;

/**
 * The 32 excerpts of real web-page reports: every one parses, and the cells checked here were read off the excerpts by
 * hand (pipe rows, one cell per line, traditional characters with pinyin, blank cells, truncated tables).
 */
class ReportParserExcerptTest {

    static Stream<Path> excerpts() {
        return SampleFiles.list("real-excerpts", ".txt").stream();
    }

    private static ParsedReport parse(String name) {
        String text = SampleFiles.excerptBody(SampleFiles.file("real-excerpts/" + name));
        return new ReportParser().parse(SampleFiles.text(text), ParseHints.none());
    }

    private static BigDecimal value(ParsedReport report, String key) {
        Cell cell = report.cells().get(key);
        assertThat(cell).as(key).isNotNull();
        return cell.value();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("excerpts")
    void shouldParseEveryExcerptAndKeepProvenanceOfEveryCell(Path excerpt) {
        // Given
        String text = SampleFiles.excerptBody(excerpt);
        // When
        ParsedReport report = new ReportParser().parse(SampleFiles.text(text), ParseHints.none());
        // Then
        assertThat(report.identity().year()).isBetween(2019, 2025);
        assertThat(report.sections()).isNotEmpty();
        String[] lines = report.text().split("\n", -1);
        assertThat(report.cells().values()).allSatisfy(cell -> {
            assertThat(lines[cell.line() - 1]).isEqualTo(cell.source());
            assertThat(cell.source()).contains(cell.raw());
        });
    }

    @Test
    void shouldReadOldFormatPipeCellsOnePerLine() {
        // Given / When
        ParsedReport report = parse("2019_lizhou-hexijd.txt");
        // Then
        assertThat(report.identity().edition()).isEqualTo(Edition.E2019);
        assertThat(value(report, "t2.normative_documents.newly_made")).isEqualByComparingTo("2");
        assertThat(value(report, "t2.normative_documents.newly_published")).isEqualByComparingTo("1");
        assertThat(value(report, "t2.normative_documents.total_published")).isEqualByComparingTo("1");
        assertThat(value(report, "t2.procurement.amount_10k_yuan")).isEqualByComparingTo("0");
        assertThat(value(report, "t3.new_received.total")).isEqualByComparingTo("0");
        assertThat(value(report, "t3.carried_over.natural_person")).isEqualByComparingTo("0");
        assertThat(report.identity().agency()).isEqualTo("河西街道");
    }

    @Test
    void shouldLeaveRowsWithUnplaceableBlankCellsAbsentWithAWarning() {
        // Given: only 自然人 and 总计 printed, the blank cells flattened to the end of the row
        // When
        ParsedReport report = parse("2019_yueyang-nanhu-ju.txt");
        // Then
        assertThat(report.cells()).doesNotContainKey("t3.new_received.natural_person")
                .doesNotContainKey("t3.new_received.commercial_enterprise")
                .doesNotContainKey("t3.new_received.total");
        assertThat(report.parseWarnings()).anySatisfy(w -> {
            assertThat(w.code()).isEqualTo("ROW_UNREADABLE");
            assertThat(w.subject()).isEqualTo("t3.new_received");
        });
        assertThat(value(report, "t2.procurement.items")).isEqualByComparingTo("0");
    }

    @Test
    void shouldReadSingleLinePipeRowsOfATruncatedTable() {
        // Given / When
        ParsedReport report = parse("2020_weishan-liangchengzhen.txt");
        // Then
        assertThat(value(report, "t3.new_received.total")).isEqualByComparingTo("0");
        assertThat(value(report, "t3.carried_over.legal_service_org")).isEqualByComparingTo("0");
        assertThat(value(report, "t2.fees.change")).isEqualByComparingTo("0");
        assertThat(report.cells()).doesNotContainKey("t3.disclosed.total");
        assertThat(report.sections()).extracting(s -> s.number()).containsExactly(1, 2, 3);
        assertThat(report.parseWarnings()).anyMatch(w -> w.code().equals("SECTION_MISSING")
                && w.subject().equals("section.4"));
    }

    @Test
    void shouldReadNonStandardSectionHeadingAndSkipExtraRow() {
        // Given / When
        ParsedReport report = parse("2020_xiaogan-szfbgs.txt");
        // Then
        assertThat(report.sections()).extracting(s -> s.heading()).contains("二、行政机关主动公开政府信息情况");
        assertThat(value(report, "t2.regulations.newly_made")).isEqualByComparingTo("2");
        assertThat(value(report, "t2.regulations.total_published")).isEqualByComparingTo("3");
        assertThat(value(report, "t2.normative_documents.total_published")).isEqualByComparingTo("119");
        assertThat(report.identity().agency()).isEqualTo("孝感市人民政府办公室");
    }

    @Test
    void shouldReadTraditionalCharactersWithPinyinAndBlankCells() {
        // Given: a mirror in zh-Hant that injects pinyin ("規(guī)章"); 三 rows fill only 自然人
        // When
        ParsedReport report = parse("2021_zhashui-fenghuangzhen.txt");
        // Then
        assertThat(report.identity().edition()).isEqualTo(Edition.E2021);
        assertThat(value(report, "t2.fees.amount_10k_yuan")).isEqualByComparingTo("0");
        assertThat(value(report, "t2.normative_documents.in_force")).isEqualByComparingTo("0");
        Cell natural = report.cells().get("t3.new_received.natural_person");
        Cell enterprise = report.cells().get("t3.new_received.commercial_enterprise");
        assertThat(natural.semantic()).isEqualTo(CellSemantic.ZERO);
        assertThat(enterprise.semantic()).isEqualTo(CellSemantic.EMPTY);
        assertThat(enterprise.value()).isNull();
    }

    @Test
    void shouldReadNonZeroNormativeDocumentsRow() {
        // Given / When
        ParsedReport report = parse("2023_ouhai-liaojd.txt");
        // Then
        assertThat(value(report, "t2.normative_documents.issued")).isEqualByComparingTo("1");
        assertThat(value(report, "t2.normative_documents.repealed")).isEqualByComparingTo("3");
        assertThat(value(report, "t2.normative_documents.in_force")).isEqualByComparingTo("3");
        assertThat(report.cells()).doesNotContainKey("t2.licensing.decisions");
        assertThat(report.cells().keySet()).noneMatch(k -> k.startsWith("t4."));
    }

    @Test
    void shouldReadOneCellPerLineTables() {
        // Given / When
        ParsedReport report = parse("2022_lixian-sjj.txt");
        // Then
        assertThat(value(report, "t2.licensing.decisions")).isEqualByComparingTo("0");
        assertThat(value(report, "t2.coercion.decisions")).isEqualByComparingTo("0");
        assertThat(value(report, "t2.fees.amount_10k_yuan")).isEqualByComparingTo("0");
        assertThat(report.identity().agency()).isEqualTo("蠡县审计局");
    }

    @Test
    void shouldFindArabicNumberedFirstPart() {
        // Given / When
        ParsedReport report = parse("2023_xixian-zhengyangjd.txt");
        // Then
        assertThat(report.sections()).extracting(s -> s.number()).containsExactly(1);
        assertThat(report.sections().get(0).text()).contains("正阳街道以习近平新时代中国特色社会主义思想为指导");
    }

    @Test
    void shouldReadIdentityFromUnusualTitles() {
        // Given / When
        ParsedReport dazu = parse("2022_dazu-wsb.txt");
        ParsedReport shanghai = parse("2022_shanghai-city.txt");
        ParsedReport guangde = parse("2023_guangde-tjj.txt");
        // Then
        assertThat(dazu.identity().agency()).isEqualTo("重庆市大足区人民政府外事办公室");
        assertThat(dazu.identity().year()).isEqualTo(2022);
        assertThat(shanghai.identity().agency()).isEqualTo("上海市");
        assertThat(guangde.identity().agency()).isEqualTo("广德市统计局");
        assertThat(guangde.identity().year()).isEqualTo(2023);
    }

    @Test
    void shouldReportTablesMissingFromAnExcerptWithoutTables() {
        // Given / When
        ParsedReport report = parse("2024_qindu-qzf.txt");
        // Then
        assertThat(report.cells()).isEmpty();
        assertThat(report.parseWarnings()).anyMatch(w -> w.code().equals("TABLE_MISSING") && w.subject().equals("t3"));
    }
}

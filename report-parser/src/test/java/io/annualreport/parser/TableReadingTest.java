package io.annualreport.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.annualreport.model.document.ExtractedDocument;
import io.annualreport.model.document.TableGrid;
import io.annualreport.model.document.TextLine;
import io.annualreport.model.report.Cell;
import io.annualreport.model.report.CellSemantic;
import io.annualreport.model.report.ParsedReport;
import io.annualreport.model.template.Edition;

/** The table-reading hazards of docs/format.md §3.7, each on a small report text. */
class TableReadingTest {

    private static ParsedReport parse(String text) {
        return new ReportParser().parse(SampleFiles.text(text), ParseHints.none());
    }

    private static Cell cell(ParsedReport report, String key) {
        Cell cell = report.cells().get(key);
        assertThat(cell).as(key).isNotNull();
        return cell;
    }

    private static String t3(String row, String column) {
        return "t3." + row + "." + column;
    }

    @Test
    void shouldReadEveryRowOfAPlainVisualRowTable() {
        // Given
        String text = ReportTexts.t3AndT4(Edition.E2021);
        // When
        ParsedReport report = parse(text);
        // Then
        int index = ReportTexts.rowIndex(Edition.E2021, "unavailable_needs_creation");
        assertThat(cell(report, t3("unavailable_needs_creation", "natural_person")).value())
                .isEqualByComparingTo(ReportTexts.natural(index));
        assertThat(cell(report, t3("unavailable_needs_creation", "legal_service_org")).value())
                .isEqualByComparingTo(ReportTexts.legal(index));
        assertThat(cell(report, t3("carried_forward", "total")).value())
                .isEqualByComparingTo(ReportTexts.total(ReportTexts.rowIndex(Edition.E2021, "carried_forward")));
        assertThat(report.cells().keySet().stream().filter(k -> k.startsWith("t3."))).hasSize(25 * 7);
        assertThat(cell(report, "t4.all.review_total").value()).isEqualByComparingTo("10");
        assertThat(cell(report, "t4.all.litigation_after_review_total").value()).isEqualByComparingTo("2");
    }

    @Test
    void shouldJoinAWrappedLabelWhoseNumbersSitOnTheNextLine() {
        // Given
        int index = ReportTexts.rowIndex(Edition.E2021, "partially_disclosed");
        String printed = "（二）部分公开（区分处理的，只计这一情形，不计其他情形） " + ReportTexts.natural(index) + " 0 0 0 "
                + ReportTexts.legal(index) + " 0 " + ReportTexts.total(index);
        String wrapped = "（二）部分公开（区分处理的，只计这一情 形，不\n\n计其他情形）\n\n" + ReportTexts.natural(index) + " 0 0 0 "
                + ReportTexts.legal(index) + " 0 " + ReportTexts.total(index);
        String text = ReportTexts.t3AndT4(Edition.E2021).replace(printed, wrapped);
        // When
        ParsedReport report = parse(text);
        // Then
        assertThat(text).contains("计其他情形）\n");
        Cell total = cell(report, t3("partially_disclosed", "total"));
        assertThat(total.value()).isEqualByComparingTo(ReportTexts.total(index));
        assertThat(report.text().split("\n")[total.line() - 1]).startsWith(ReportTexts.natural(index).toString());
        assertThat(cell(report, t3("withheld_state_secret", "natural_person")).value())
                .isEqualByComparingTo(ReportTexts.natural(index + 1));
    }

    @Test
    void shouldGiveTheEndOfAWrappedLabelPrintedBesideTheNextGroupLabelToTheRowAbove() {
        // Given: as a scan reads a rowspan group label centred on its rows, "（五）不予" is printed beside "出版物", the end
        // of row 3's label that wraps round its numbers, and rows 4 and 5 wrap too
        int publication = ReportTexts.rowIndex(Edition.E2021, "not_processed_publication");
        int repeated = ReportTexts.rowIndex(Edition.E2021, "not_processed_mass_repeated");
        int confirmation = ReportTexts.rowIndex(Edition.E2021, "not_processed_confirmation");
        String text = ReportTexts.t3AndT4(Edition.E2021).replace("（五）不予处理\n", "")
                .replace("3.要求提供公开出版物 ", "3.要求提供公开\n")
                .replace(numbers(publication) + "\n", numbers(publication) + "\n（五）不予\t出版物\n处理\n")
                .replace("4.无正当理由大量反复申请 ", "4.无正当理由大\n")
                .replace(numbers(repeated) + "\n", numbers(repeated) + "\n量反复申请\n")
                .replace("5.要求行政机关确认或重新出具已获取信息 ", "5.要求行政机关\n确认或重新出具已获取信息 ");
        // When
        ParsedReport report = parse(text);
        // Then
        assertThat(text).contains("\n（五）不予\t出版物\n");
        assertThat(cell(report, t3("not_processed_publication", "natural_person")).value())
                .isEqualByComparingTo(ReportTexts.natural(publication));
        assertThat(cell(report, t3("not_processed_publication", "total")).value())
                .isEqualByComparingTo(ReportTexts.total(publication));
        assertThat(cell(report, t3("not_processed_mass_repeated", "total")).value())
                .isEqualByComparingTo(ReportTexts.total(repeated));
        assertThat(cell(report, t3("not_processed_confirmation", "total")).value())
                .isEqualByComparingTo(ReportTexts.total(confirmation));
    }

    @Test
    void shouldGiveTheEndOfALabelPrintedBelowItsRowToThatRowAndTheLabelBelowItsNumbersToThem() {
        // Given: as a 200 dpi scan reads rows whose labels wrap round their numbers: "处理" beside row 3's numbers,
        // "出版物" (the end of row 3's label) alone below them, then row 4 "4.无正当理由大" / numbers / "量反复申请";
        // and the (七)总计 row's numbers read a little above its label, before 四、结转下年度继续办理 and its numbers
        int publication = ReportTexts.rowIndex(Edition.E2021, "not_processed_publication");
        int repeated = ReportTexts.rowIndex(Edition.E2021, "not_processed_mass_repeated");
        int total = ReportTexts.rowIndex(Edition.E2021, "total_handled");
        int forward = ReportTexts.rowIndex(Edition.E2021, "carried_forward");
        String text = ReportTexts.t3AndT4(Edition.E2021).replace("（五）不予处理\n", "（五）不予\n")
                .replace("3.要求提供公开出版物 " + numbers(publication) + "\n",
                        "3.要求提供公开\n处理 " + numbers(publication) + "\n出版物\n")
                .replace("4.无正当理由大量反复申请 ", "4.无正当理由大\n")
                .replace(numbers(repeated) + "\n", numbers(repeated) + "\n量反复申请\n")
                .replace("（七）总计 " + numbers(total) + "\n", numbers(total) + "\n（七）总计\n");
        // When
        ParsedReport report = parse(text);
        // Then
        assertThat(text).contains("\n出版物\n4.无正当理由大\n", numbers(total) + "\n（七）总计\n四、");
        assertThat(cell(report, t3("not_processed_publication", "total")).value())
                .isEqualByComparingTo(ReportTexts.total(publication));
        assertThat(cell(report, t3("not_processed_mass_repeated", "total")).value())
                .isEqualByComparingTo(ReportTexts.total(repeated));
        assertThat(cell(report, t3("total_handled", "natural_person")).value())
                .isEqualByComparingTo(ReportTexts.natural(total));
        assertThat(cell(report, t3("total_handled", "natural_person")).isCertain()).isTrue();
        assertThat(cell(report, t3("carried_forward", "total")).value())
                .isEqualByComparingTo(ReportTexts.total(forward));
    }

    @Test
    void shouldReadARowWithAnIllegibleCellAsItsOtherCellsAndThatCellDoubtfulNeverBlank() {
        // Given: OCR marked the natural-person cell of row 二 as ink it could not read
        int index = ReportTexts.rowIndex(Edition.E2021, "carried_over");
        String text = ReportTexts.t3AndT4(Edition.E2021).replace("上年结转政府信息公开申请数量 " + ReportTexts.natural(index)
                + " ", "上年结转政府信息公开申请数量 " + TextLine.ILLEGIBLE + " ");
        // When
        ParsedReport report = parse(text);
        // Then
        assertThat(text).contains("申请数量 " + TextLine.ILLEGIBLE + " 0 0 0");
        Cell illegible = cell(report, t3("carried_over", "natural_person"));
        assertThat(illegible.isCertain()).isFalse();
        assertThat(illegible.value()).isNull();
        assertThat(illegible.semantic()).isNotEqualTo(CellSemantic.EMPTY);
        assertThat(cell(report, t3("carried_over", "total")).value()).isEqualByComparingTo(ReportTexts.total(index));
        assertThat(cell(report, t3("carried_over", "total")).isCertain()).isTrue();
        assertThat(cell(report, t3("carried_over", "legal_service_org")).value())
                .isEqualByComparingTo(ReportTexts.legal(index));
    }

    /** The numbers of T3 row {@code index} as {@link ReportTexts} prints them. */
    private static String numbers(int index) {
        return ReportTexts.natural(index) + " 0 0 0 " + ReportTexts.legal(index) + " 0 " + ReportTexts.total(index);
    }

    @Test
    void shouldReadRowsWhoseGroupLabelIsSplitByAPageBreak() {
        // Given: "（四）无" on one page, "法提供" before the second row on the next, a page number between
        String text = ReportTexts.t3AndT4(Edition.E2021).replace("（四）无法提供\n", "（四）无\n")
                .replace("2.没有现成信息需要另行制作", "\n- 5 -\n\n法提供 2.没有现成信息需要另行制作");
        int index = ReportTexts.rowIndex(Edition.E2021, "unavailable_needs_creation");
        // When
        ParsedReport report = parse(text);
        // Then
        assertThat(text).contains("- 5 -");
        assertThat(cell(report, t3("unavailable_needs_creation", "total")).value())
                .isEqualByComparingTo(ReportTexts.total(index));
        assertThat(cell(report, t3("unavailable_not_held", "total")).value())
                .isEqualByComparingTo(ReportTexts.total(index - 1));
        assertThat(report.parseWarnings()).noneMatch(w -> w.subject().startsWith("t3."));
    }

    @Test
    void shouldAttachARowspanGroupLabelOnlyToTheRowsBelowIt() {
        // Given: the group labels 三、本年度办理结果 and （三）不予公开 are printed once, before their first row
        String text = ReportTexts.t3AndT4(Edition.E2021);
        // When
        ParsedReport report = parse(text);
        // Then
        assertThat(text).containsOnlyOnce("（三）不予公开");
        for (String row : List.of("disclosed", "withheld_state_secret", "withheld_prohibited_by_law",
                "withheld_administrative_query")) {
            int index = ReportTexts.rowIndex(Edition.E2021, row);
            assertThat(cell(report, t3(row, "natural_person")).value()).as(row)
                    .isEqualByComparingTo(ReportTexts.natural(index));
        }
    }

    @Test
    void shouldReadTheRealT3WithVerticalHeaderText() {
        // Given: a naive extraction of 淮安市 2024 T3, header cells broken one character per line
        String text = SampleFiles.read(SampleFiles.file("real/section3_raw_text.txt"));
        // When
        ParsedReport report = parse(text);
        // Then
        assertThat(cell(report, t3("new_received", "natural_person")).value()).isEqualByComparingTo("3001");
        assertThat(cell(report, t3("new_received", "legal_service_org")).value()).isEqualByComparingTo("61");
        assertThat(cell(report, t3("new_received", "total")).value()).isEqualByComparingTo("3119");
        assertThat(cell(report, t3("disclosed", "other_org")).value()).isEqualByComparingTo("3");
        assertThat(cell(report, t3("partially_disclosed", "total")).value()).isEqualByComparingTo("454");
        assertThat(cell(report, t3("withheld_administrative_query", "natural_person")).value())
                .isEqualByComparingTo("105");
        assertThat(cell(report, t3("unavailable_not_held", "total")).value()).isEqualByComparingTo("769");
        assertThat(cell(report, "t2.fees.amount_10k_yuan").value()).isEqualByComparingTo("96171.6");
    }

    @Test
    void shouldIgnoreT4HeaderPrintedOneCharacterPerLine() {
        // Given
        StringBuilder vertical = new StringBuilder("行政复议 行政诉讼\n");
        for (char c : "结果维持结果纠正其他结果尚未审结总计".toCharArray()) {
            vertical.append(c).append('\n');
        }
        String text = ReportTexts.t3AndT4(Edition.E2021).replace(ReportTexts.T4_HEADER, vertical.toString().strip());
        // When
        ParsedReport report = parse(text);
        // Then
        assertThat(cell(report, "t4.all.review_upheld").value()).isEqualByComparingTo("1");
        assertThat(cell(report, "t4.all.review_pending").value()).isEqualByComparingTo("4");
        assertThat(cell(report, "t4.all.litigation_direct_total").value()).isEqualByComparingTo("1");
    }

    @Test
    void shouldPlaceAnOcrGarbledRowByItsPositionAndSaySo() {
        // Given
        String text = ReportTexts.t3AndT4(Edition.E2021).replace("（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
                "P分公幵(区分处理的, -情形,不计其他情形)");
        int index = ReportTexts.rowIndex(Edition.E2021, "partially_disclosed");
        // When
        ParsedReport report = parse(text);
        // Then
        assertThat(cell(report, t3("partially_disclosed", "natural_person")).value())
                .isEqualByComparingTo(ReportTexts.natural(index));
        assertThat(report.parseWarnings()).anySatisfy(w -> {
            assertThat(w.code()).isEqualTo("ROW_LABEL_UNRECOGNISED");
            assertThat(w.subject()).isEqualTo("t3.partially_disclosed");
        });
    }

    @Test
    void shouldLeaveRowsAbsentWhenGarbledRowsCannotBePlacedByPosition() {
        // Given: 1.属于国家秘密 garbled and 2.其他法律行政法规禁止公开 not printed at all
        String text = ReportTexts.t3AndT4(Edition.E2021).replace("1.属于国家秘密", "l.屈于囯家秘蜜")
                .replaceAll("2\\.其他法律行政法规禁止公开 [0-9 ]+\n", "");
        // When
        ParsedReport report = parse(text);
        // Then
        assertThat(report.cells()).doesNotContainKeys(t3("withheld_state_secret", "total"),
                t3("withheld_prohibited_by_law", "total"));
        assertThat(report.parseWarnings()).filteredOn(w -> w.code().equals("ROW_MISSING"))
                .extracting(w -> w.subject())
                .containsExactly("t3.withheld_state_secret", "t3.withheld_prohibited_by_law");
        assertThat(cell(report, t3("withheld_security_stability", "natural_person")).value())
                .isEqualByComparingTo(ReportTexts.natural(ReportTexts.rowIndex(Edition.E2021,
                        "withheld_security_stability")));
    }

    @Test
    void shouldDropTheExtraZeroOfSeed000TotalRowWithAWarning() {
        // Given
        String text = SampleFiles.read(SampleFiles.file("seeds/000_0cd22d9d18d83273.txt"));
        // When
        ParsedReport report = parse(text);
        // Then
        assertThat(text).contains("(七) 总计\t\t0\t0\t0\t0\t0\t0\t0\t0\t");
        assertThat(report.parseWarnings()).anySatisfy(w -> {
            assertThat(w.code()).isEqualTo("EXTRA_TRAILING_ZERO");
            assertThat(w.subject()).isEqualTo("t3.total_handled");
        });
        assertThat(cell(report, t3("total_handled", "total")).semantic()).isEqualTo(CellSemantic.ZERO);
    }

    @Test
    void shouldTakeTheFirstFifteenOfSeed003SixteenT4Values() {
        // Given
        String text = SampleFiles.read(SampleFiles.file("seeds/003_8c7e58cf2aa459dd.txt"));
        // When
        ParsedReport report = parse(text);
        // Then
        assertThat(report.cells().keySet().stream().filter(k -> k.startsWith("t4."))).hasSize(15);
        assertThat(report.parseWarnings()).anySatisfy(w -> {
            assertThat(w.code()).isEqualTo("EXTRA_TRAILING_ZERO");
            assertThat(w.subject()).isEqualTo("t4.all");
        });
    }

    @Test
    void shouldRefuseARowWhoseExtraValuesAreNotZero() {
        // Given
        int index = ReportTexts.rowIndex(Edition.E2021, "disclosed");
        String printed = "（一）予以公开 " + ReportTexts.natural(index) + " 0 0 0 " + ReportTexts.legal(index) + " 0 "
                + ReportTexts.total(index);
        String text = ReportTexts.t3AndT4(Edition.E2021).replace(printed, "（一）予以公开 5 1 0 0 0 0 6 9");
        // When
        ParsedReport report = parse(text);
        // Then
        assertThat(report.cells().keySet()).noneMatch(k -> k.startsWith("t3.disclosed."));
        assertThat(report.parseWarnings()).anySatisfy(w -> {
            assertThat(w.code()).isEqualTo("ROW_UNREADABLE");
            assertThat(w.subject()).isEqualTo("t3.disclosed");
        });
    }

    @Test
    void shouldKeepBlankTabSeparatedCellsEmptyNeverZero() {
        // Given: Shanghai 2019 leaves zero cells and the 总计 blank
        String text = ReportTexts.t3AndT4(Edition.E2021).replaceAll("（一）予以公开 [0-9 ]+\n",
                "\t（一）予以公开\t258\t12\t\t\t1\t1\t\n");
        // When
        ParsedReport report = parse(text);
        // Then
        assertThat(cell(report, t3("disclosed", "natural_person")).value()).isEqualByComparingTo("258");
        assertThat(cell(report, t3("disclosed", "commercial_enterprise")).value()).isEqualByComparingTo("12");
        assertThat(cell(report, t3("disclosed", "research_institution")).semantic()).isEqualTo(CellSemantic.EMPTY);
        assertThat(cell(report, t3("disclosed", "research_institution")).value()).isNull();
        assertThat(cell(report, t3("disclosed", "legal_service_org")).value()).isEqualByComparingTo("1");
        assertThat(cell(report, t3("disclosed", "total")).semantic()).isEqualTo(CellSemantic.EMPTY);
    }

    @Test
    void shouldReadSlashesDashesAndWordsAsNotApplicableAndText() {
        // Given
        String text = """
                二、主动公开政府信息情况
                第二十条第（一）项
                信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
                规章 | / | - | — |
                行政规范性文件 | 3 | 0 | 8 |
                第二十条第（五）项
                信息内容 | 本年处理决定数量 |
                行政许可 | 无 |
                第二十条第（六）项
                信息内容 | 本年处理决定数量 |
                行政处罚 | 不适用 |
                行政强制 | 0 |
                """;
        // When
        ParsedReport report = parse(text);
        // Then
        assertThat(cell(report, "t2.regulations.issued").semantic()).isEqualTo(CellSemantic.NOT_APPLICABLE);
        assertThat(cell(report, "t2.regulations.repealed").semantic()).isEqualTo(CellSemantic.NOT_APPLICABLE);
        assertThat(cell(report, "t2.regulations.in_force").raw()).isEqualTo("—");
        assertThat(cell(report, "t2.regulations.in_force").value()).isNull();
        assertThat(cell(report, "t2.licensing.decisions").semantic()).isEqualTo(CellSemantic.TEXT);
        assertThat(cell(report, "t2.licensing.decisions").raw()).isEqualTo("无");
        assertThat(cell(report, "t2.penalty.decisions").semantic()).isEqualTo(CellSemantic.TEXT);
        assertThat(cell(report, "t2.normative_documents.in_force").value()).isEqualByComparingTo("8");
    }

    @Test
    void shouldConvertAmountsPrintedInYuanAndWarn() {
        // Given
        String old = """
                二、主动公开政府信息情况
                第二十条第(一)项
                信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量
                规章\t0\t0\t0
                规范性文件\t0\t0\t0
                第二十条第(九)项
                信息内容\t采购项目数量\t采购总金额
                政府集中采购\t3\t251000元
                """;
        String newer = """
                二、主动公开政府信息情况
                第二十条第（八）项
                信息内容 本年收费金额（单位：元）
                行政事业性收费 3940
                """;
        // When
        ParsedReport oldReport = parse(old);
        ParsedReport newReport = parse(newer);
        // Then
        assertThat(cell(oldReport, "t2.procurement.amount_10k_yuan").value()).isEqualByComparingTo("25.1");
        assertThat(cell(oldReport, "t2.procurement.amount_10k_yuan").raw()).isEqualTo("251000元");
        assertThat(cell(oldReport, "t2.procurement.items").value()).isEqualByComparingTo("3");
        assertThat(oldReport.parseWarnings()).anyMatch(w -> w.code().equals("UNIT_CONVERTED")
                && w.subject().equals("t2.procurement.amount_10k_yuan"));
        assertThat(cell(newReport, "t2.fees.amount_10k_yuan").value()).isEqualByComparingTo("0.394");
        assertThat(newReport.parseWarnings()).anyMatch(w -> w.code().equals("UNIT_CONVERTED"));
    }

    @Test
    void shouldKeepAmountsPrintedInTenThousandYuan() {
        // Given
        String text = """
                二、主动公开政府信息情况
                第二十条第（八）项
                信息内容 本年收费金额（单位：万元）
                行政事业性收费 1.5万元
                """;
        // When
        ParsedReport report = parse(text);
        // Then
        assertThat(cell(report, "t2.fees.amount_10k_yuan").value()).isEqualByComparingTo("1.5");
        assertThat(report.parseWarnings()).noneMatch(w -> w.code().equals("UNIT_CONVERTED"));
    }

    @Test
    void shouldNotTakeTheDigitOfTheFeeColumnsHeadingForTheFee() {
        // Given: the 2021 heading "保留4位小数" as OCR reads it, the 4 apart from its characters
        String text = """
                二、主动公开政府信息情况
                第二十条第（八）项
                信息内容\t本年收费金额( 单位: 万元，保留 4 位小数 )
                行政事业性收费\t0
                """;
        // When
        ParsedReport report = parse(text);
        // Then
        assertThat(cell(report, "t2.fees.amount_10k_yuan").value()).isEqualByComparingTo("0");
    }

    @Test
    void shouldReadSignedChangesOfThe2019Format() {
        // Given
        String text = """
                二、主动公开政府信息情况
                第二十条第(五)项
                信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |
                行政许可 | 10 | 增3 | 5 |
                其他对外管理服务事项 | 4 | 减1 | 0 |
                第二十条第(六)项
                信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |
                行政处罚 | 8 | -2 | 1 |
                行政强制 | 2 | +1 | 0 |
                """;
        // When
        ParsedReport report = parse(text);
        // Then
        assertThat(report.identity().edition()).isEqualTo(Edition.E2019);
        assertThat(cell(report, "t2.licensing.change").value()).isEqualByComparingTo("3");
        assertThat(cell(report, "t2.other_services.change").value()).isEqualByComparingTo("-1");
        assertThat(cell(report, "t2.penalty.change").value()).isEqualByComparingTo("-2");
        assertThat(cell(report, "t2.coercion.change").value()).isEqualByComparingTo("1");
        assertThat(cell(report, "t2.licensing.decisions").value()).isEqualByComparingTo("5");
    }

    @Test
    void shouldReadABrokenMarkdownTableWithJunkHeaderRows() {
        // Given
        String text = """
                二、主动公开政府信息情况
                | 表一 | | | |
                |---|---|---|---|
                | | | | |
                | 第二十条第（一）项 | | | |
                | 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
                | 规章 | 1 | 0 | 11 |
                | 行政规范性文件 | 8 | 26 | 66 |
                | 第二十条第（五）项 | | | |
                | 信息内容 | 本年处理决定数量 | | |
                | 行政许可 | 447228 | | |
                """;
        // When
        ParsedReport report = parse(text);
        // Then
        assertThat(cell(report, "t2.regulations.in_force").value()).isEqualByComparingTo("11");
        assertThat(cell(report, "t2.normative_documents.repealed").value()).isEqualByComparingTo("26");
        assertThat(cell(report, "t2.licensing.decisions").value()).isEqualByComparingTo("447228");
    }

    @Test
    void shouldReadTabSeparatedRowsWithShiftedColumns() {
        // Given: label cells shifted right by empty cells, as in seeds 000 and 001
        String text = ReportTexts.t3AndT4(Edition.E2021)
                .replaceAll("一、本年新收政府信息公开申请数量 [0-9 ]+\n", "一、本年新收政府信息公开申请数量\t\t\t7\t1\t0\t0\t2\t0\t10\t\n")
                .replaceAll("3\\.其他 [0-9 ]+\n", "3.其他\t\t4\t0\t0\t0\t0\t1\t5\t\t\n");
        // When
        ParsedReport report = parse(text);
        // Then
        assertThat(cell(report, t3("new_received", "natural_person")).value()).isEqualByComparingTo("7");
        assertThat(cell(report, t3("new_received", "legal_service_org")).value()).isEqualByComparingTo("2");
        assertThat(cell(report, t3("new_received", "total")).value()).isEqualByComparingTo("10");
        assertThat(cell(report, t3("other_other", "other_org")).value()).isEqualByComparingTo("1");
        assertThat(cell(report, t3("other_other", "total")).value()).isEqualByComparingTo("5");
    }

    @Test
    void shouldReadTablesFromMarkupStructureWhenExtractionGivesIt() {
        // Given: a Word table with spans expanded (the group label repeated in every row it covers)
        List<List<String>> t3 = new java.util.ArrayList<>();
        t3.add(List.of(io.annualreport.model.template.TemplateRegistry.T3_IDENTITY_NOTE, "", "", "申请人情况", "申请人情况",
                "申请人情况", "申请人情况", "申请人情况", "申请人情况", "申请人情况"));
        t3.add(List.of("一、本年新收政府信息公开申请数量", "一、本年新收政府信息公开申请数量", "一、本年新收政府信息公开申请数量", "5", "", "", "",
                "1", "", "6"));
        t3.add(List.of("三、本年度办理结果", "（一）予以公开", "（一）予以公开", "4", "0", "0", "0", "1", "0", "5"));
        List<List<String>> t4 = List.of(
                List.of("行政复议", "行政复议", "行政复议", "行政复议", "行政复议", "行政诉讼", "行政诉讼", "行政诉讼", "行政诉讼", "行政诉讼",
                        "行政诉讼", "行政诉讼", "行政诉讼", "行政诉讼", "行政诉讼"),
                List.of("结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计",
                        "结果维持", "结果纠正", "其他结果", "尚未审结", "总计"),
                List.of("1", "0", "0", "0", "1", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0"));
        String text = "三、收到和处理政府信息公开申请情况\n（表格）\n四、政府信息公开行政复议、行政诉讼情况\n（表格）\n";
        ExtractedDocument document = new ExtractedDocument(text, List.of(),
                List.of(new TableGrid(t3, 0), new TableGrid(t4, text.indexOf("四、"))), null);
        // When
        ParsedReport report = new ReportParser().parse(document, ParseHints.none());
        // Then
        assertThat(cell(report, t3("new_received", "natural_person")).value()).isEqualByComparingTo("5");
        assertThat(cell(report, t3("new_received", "commercial_enterprise")).semantic()).isEqualTo(CellSemantic.EMPTY);
        assertThat(cell(report, t3("new_received", "legal_service_org")).value()).isEqualByComparingTo("1");
        assertThat(cell(report, t3("new_received", "total")).value()).isEqualByComparingTo("6");
        assertThat(cell(report, t3("disclosed", "total")).value()).isEqualByComparingTo("5");
        assertThat(cell(report, "t4.all.review_upheld").value()).isEqualByComparingTo("1");
        assertThat(cell(report, "t4.all.review_total").value()).isEqualByComparingTo("1");
    }

    @Test
    void shouldTakeThePageOfACellFromPositionedLines() {
        // Given
        String text = ReportTexts.t3AndT4(Edition.E2021);
        String[] rows = text.split("\n");
        List<TextLine> positioned = new java.util.ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            positioned.add(new TextLine(i < 10 ? 4 : 5, 20f * i, rows[i], List.of()));
        }
        ExtractedDocument document = new ExtractedDocument(text, positioned, List.of(), null);
        // When
        ParsedReport report = new ReportParser().parse(document, ParseHints.none());
        // Then
        assertThat(cell(report, t3("new_received", "total")).page()).isEqualTo(4);
        assertThat(cell(report, t3("carried_forward", "total")).page()).isEqualTo(5);
    }

    @Test
    void shouldKeepThePageOfEveryCellWhenPositionedLinesHaveGapsOrOnlyFormFeedsMarkThePages() {
        // Given: a PDF whose positioned lines start with eight lines without text (a cover of boxes), and a PDF text
        // without positioned lines whose pages are separated by form feeds
        String text = ReportTexts.t3AndT4(Edition.E2021);
        String[] rows = text.split("\n");
        List<TextLine> positioned = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            positioned.add(new TextLine(1, 10f * i, " ", List.of()));
        }
        for (int i = 0; i < rows.length; i++) {
            positioned.add(new TextLine(i < 10 ? 4 : 5, 20f * i, rows[i], List.of()));
        }
        int secondPage = text.indexOf(rows[10]);
        String withFormFeeds = "\f\f\f" + text.substring(0, secondPage) + "\f" + text.substring(secondPage);
        // When
        ParsedReport afterGap = new ReportParser().parse(new ExtractedDocument(text, positioned, List.of(), null),
                ParseHints.none());
        ParsedReport fromText = parse(withFormFeeds);
        // Then
        assertThat(afterGap.cells().values()).allMatch(c -> c.page() != null);
        assertThat(cell(afterGap, t3("new_received", "total")).page()).isEqualTo(4);
        assertThat(cell(afterGap, t3("carried_forward", "total")).page()).isEqualTo(5);
        assertThat(fromText.cells().values()).allMatch(c -> c.page() != null);
        assertThat(cell(fromText, t3("new_received", "total")).page()).isEqualTo(4);
        assertThat(cell(fromText, t3("carried_forward", "total")).page()).isEqualTo(5);
    }

    @Test
    void shouldPlaceValuesOfARowWithBlankCellsByTheirPositionOnThePage() {
        // Given: a PDF row printing only 258, 12, 1, 1 (blank 科研机构, 社会公益组织 and 总计), with run positions
        String blankRow = "（一）予以公开 258 12 1 1";
        String text = ReportTexts.t3AndT4(Edition.E2021).replaceAll("（一）予以公开 [0-9 ]+\n", blankRow + "\n");
        float[] columns = {300f, 350f, 400f, 450f, 500f, 550f, 600f};
        List<TextLine> positioned = new java.util.ArrayList<>();
        for (String row : text.split("\n")) {
            List<TextLine.TextRun> runs = new java.util.ArrayList<>();
            String[] parts = row.split(" ");
            boolean valueRow = parts.length > 1 && parts[parts.length - 1].matches("\\d+") && !row.startsWith("1 2 3");
            if (row.equals(blankRow)) {
                runs.add(new TextLine.TextRun(50f, 250f, parts[0]));
                int[] at = {0, 1, 4, 5};
                for (int k = 0; k < at.length; k++) {
                    runs.add(new TextLine.TextRun(columns[at[k]] - 10, columns[at[k]] + 10, parts[k + 1]));
                }
            } else if (valueRow && parts.length == 8) {
                runs.add(new TextLine.TextRun(50f, 250f, parts[0]));
                for (int c = 0; c < 7; c++) {
                    runs.add(new TextLine.TextRun(columns[c] - 10, columns[c] + 10, parts[c + 1]));
                }
            } else {
                runs.add(new TextLine.TextRun(50f, 550f, row));
            }
            positioned.add(new TextLine(3, 10f * positioned.size(), row, runs));
        }
        ExtractedDocument withPositions = new ExtractedDocument(text, positioned, List.of(), null);
        // When
        ParsedReport placed = new ReportParser().parse(withPositions, ParseHints.none());
        ParsedReport textOnly = parse(text);
        // Then
        assertThat(cell(placed, t3("disclosed", "natural_person")).value()).isEqualByComparingTo("258");
        assertThat(cell(placed, t3("disclosed", "commercial_enterprise")).value()).isEqualByComparingTo("12");
        assertThat(cell(placed, t3("disclosed", "research_institution")).semantic()).isEqualTo(CellSemantic.EMPTY);
        assertThat(cell(placed, t3("disclosed", "social_welfare_org")).semantic()).isEqualTo(CellSemantic.EMPTY);
        assertThat(cell(placed, t3("disclosed", "legal_service_org")).value()).isEqualByComparingTo("1");
        assertThat(cell(placed, t3("disclosed", "other_org")).value()).isEqualByComparingTo("1");
        assertThat(cell(placed, t3("disclosed", "total")).semantic()).isEqualTo(CellSemantic.EMPTY);
        assertThat(cell(placed, t3("disclosed", "total")).value()).isNull();
        assertThat(placed.parseWarnings()).anyMatch(w -> w.code().equals("CELLS_PLACED_BY_POSITION")
                && w.subject().equals("t3.disclosed"));
        assertThat(textOnly.cells().keySet()).noneMatch(k -> k.startsWith("t3.disclosed."));
        assertThat(textOnly.parseWarnings()).anyMatch(w -> w.code().equals("ROW_UNREADABLE")
                && w.subject().equals("t3.disclosed"));
    }

    @Test
    void shouldNeverLetPositionedRunsChangeTheValuesReadFromTheText() {
        // Given: one run per glyph (merged back), and a row whose runs disagree with the text (ignored)
        String text = ReportTexts.t3AndT4(Edition.E2021);
        List<TextLine> positioned = new java.util.ArrayList<>();
        for (String row : text.split("\n")) {
            List<TextLine.TextRun> runs = new java.util.ArrayList<>();
            if (row.startsWith("一、本年新收")) {
                float x = 50f;
                for (char c : row.toCharArray()) {
                    runs.add(new TextLine.TextRun(x, x + 5f, String.valueOf(c)));
                    x += 5f;
                }
            } else if (row.startsWith("二、上年结转")) {
                runs.add(new TextLine.TextRun(50f, 400f, "二、上年结转政府信息公开申请数量 9 9 9 9 9 9 9"));
            } else {
                runs.add(new TextLine.TextRun(50f, 550f, row));
            }
            positioned.add(new TextLine(1, 10f * positioned.size(), row, runs));
        }
        // When
        ParsedReport report = new ReportParser().parse(new ExtractedDocument(text, positioned, List.of(), null),
                ParseHints.none());
        // Then
        assertThat(cell(report, t3("new_received", "total")).value()).isEqualByComparingTo(ReportTexts.total(0));
        assertThat(cell(report, t3("carried_over", "natural_person")).value())
                .isEqualByComparingTo(ReportTexts.natural(1));
        assertThat(report.cells().values()).noneMatch(c -> c.value() != null && c.value().intValue() == 9
                && c.line() == 7);
    }

    @Test
    void shouldKeepFullWidthDigitsAsPrintedInRaw() {
        // Given
        String text = ReportTexts.t3AndT4(Edition.E2021).replaceAll("（一）予以公开 [0-9 ]+\n",
                "（一）予以公开 １２ ０ ０ ０ ３ ０ １５\n");
        // When
        ParsedReport report = parse(text);
        // Then
        assertThat(cell(report, t3("disclosed", "natural_person")).value()).isEqualByComparingTo("12");
        assertThat(cell(report, t3("disclosed", "natural_person")).raw()).isEqualTo("１２");
        assertThat(cell(report, t3("disclosed", "total")).value()).isEqualByComparingTo("15");
    }

    @Test
    void shouldReadBlankAndSpanningCellsOfMarkupTables() {
        // Given: a Word T2 whose 本年处理决定数量 cell spans three grid columns, and a T3 row with 自然人 left blank
        List<List<String>> t2 = List.of(
                List.of("第二十条第（一）项", "第二十条第（一）项", "第二十条第（一）项", "第二十条第（一）项"),
                List.of("信息内容", "本年制发件数", "本年废止件数", "现行有效件数"),
                List.of("规章", "0", "0", "0"),
                List.of("行政规范性文件", "3", "0", "8"),
                List.of("第二十条第（五）项", "第二十条第（五）项", "第二十条第（五）项", "第二十条第（五）项"),
                List.of("信息内容", "本年处理决定数量", "本年处理决定数量", "本年处理决定数量"),
                List.of("行政许可", "9487", "9487", "9487"));
        List<List<String>> t3 = List.of(
                List.of(io.annualreport.model.template.TemplateRegistry.T3_IDENTITY_NOTE, "", "申请人情况", "申请人情况",
                        "申请人情况", "申请人情况", "申请人情况", "申请人情况", "申请人情况"),
                List.of("一、本年新收政府信息公开申请数量", "一、本年新收政府信息公开申请数量", "", "2", "0", "0", "0", "0", "2"));
        String text = "二、主动公开政府信息情况\n（表格）\n三、收到和处理政府信息公开申请情况\n（表格）\n";
        ExtractedDocument document = new ExtractedDocument(text, List.of(),
                List.of(new TableGrid(t2, 0), new TableGrid(t3, text.indexOf("三、"))), null);
        // When
        ParsedReport report = new ReportParser().parse(document, ParseHints.none());
        // Then
        assertThat(cell(report, "t2.licensing.decisions").value()).isEqualByComparingTo("9487");
        assertThat(cell(report, "t2.normative_documents.in_force").value()).isEqualByComparingTo("8");
        assertThat(cell(report, t3("new_received", "natural_person")).semantic()).isEqualTo(CellSemantic.EMPTY);
        assertThat(cell(report, t3("new_received", "commercial_enterprise")).value()).isEqualByComparingTo("2");
        assertThat(cell(report, t3("new_received", "total")).value()).isEqualByComparingTo("2");
    }

    @Test
    void shouldReadAValueSpanningTwoGridColumnsOnceWhenExtractionCopiesIt() {
        // Given: a 2019 Word/HTML T2 whose 本年增/减 spans the last two grid columns; extraction copies "2" into both
        List<List<String>> t2 = List.of(
                List.of("第二十条第（八）项", "第二十条第（八）项", "第二十条第（八）项", "第二十条第（八）项"),
                List.of("信息内容", "上一年项目数量", "本年增/减", "本年增/减"),
                List.of("行政事业性收费", "3", "2", "2"),
                List.of("第二十条第（九）项", "第二十条第（九）项", "第二十条第（九）项", "第二十条第（九）项"),
                List.of("信息内容", "采购项目数量", "采购总金额", "采购总金额"),
                List.of("政府集中采购", "4", "12.5", "12.5"));
        String text = "二、主动公开政府信息情况\n（表格）\n";
        ExtractedDocument document = new ExtractedDocument(text, List.of(), List.of(new TableGrid(t2, 0)), null);
        // When
        ParsedReport report = new ReportParser().parse(document, ParseHints.none());
        // Then
        assertThat(cell(report, "t2.fees.previous_year_items").value()).isEqualByComparingTo("3");
        assertThat(cell(report, "t2.fees.change").value()).isEqualByComparingTo("2");
        assertThat(cell(report, "t2.procurement.items").value()).isEqualByComparingTo("4");
        assertThat(cell(report, "t2.procurement.amount_10k_yuan").value()).isEqualByComparingTo("12.5");
        assertThat(report.parseWarnings()).noneMatch(
                w -> w.subject().startsWith("t2.fees") || w.subject().startsWith("t2.procurement"));
    }

    @Test
    void shouldKeepTheColumnOfABlankFirstCellInAMarkupRowWithoutLabel() {
        // Given: the T4 row of a Word or HTML table whose first cell (复议 结果维持) is printed blank
        List<List<String>> t4 = List.of(
                List.of("行政复议", "行政复议", "行政复议", "行政复议", "行政复议", "行政诉讼", "行政诉讼", "行政诉讼", "行政诉讼", "行政诉讼",
                        "行政诉讼", "行政诉讼", "行政诉讼", "行政诉讼", "行政诉讼"),
                List.of("结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计",
                        "结果维持", "结果纠正", "其他结果", "尚未审结", "总计"),
                List.of("", "2", "0", "1", "3", "0", "0", "0", "0", "0", "1", "0", "0", "0", "1"));
        String text = "四、政府信息公开行政复议、行政诉讼情况\n（表格）\n";
        ExtractedDocument document = new ExtractedDocument(text, List.of(), List.of(new TableGrid(t4, 0)), null);
        // When
        ParsedReport report = new ReportParser().parse(document, ParseHints.none());
        // Then
        assertThat(cell(report, "t4.all.review_upheld").semantic()).isEqualTo(CellSemantic.EMPTY);
        assertThat(cell(report, "t4.all.review_upheld").value()).isNull();
        assertThat(cell(report, "t4.all.review_corrected").value()).isEqualByComparingTo("2");
        assertThat(cell(report, "t4.all.review_total").value()).isEqualByComparingTo("3");
        assertThat(cell(report, "t4.all.litigation_after_review_upheld").value()).isEqualByComparingTo("1");
    }

    @Test
    void shouldDropAnExtraZeroOnlyWhereTheRemainingRowAddsUp() {
        // Given: "10" broken into "1 0" gives 8 values whose first is 0, but dropping it leaves a row that does not add up
        String text = ReportTexts.t3AndT4(Edition.E2021)
                .replaceAll("（一）予以公开 [0-9 ]+\n", "（一）予以公开 0 0 0 0 0 1 0 10\n")
                .replaceAll("（二）部分公开（区分处理的，只计这一情形，不计其他情形） [0-9 ]+\n",
                        "（二）部分公开（区分处理的，只计这一情形，不计其他情形） 0 5 0 0 0 1 0 6\n");
        // When
        ParsedReport report = parse(text);
        // Then
        assertThat(report.cells().keySet()).noneMatch(k -> k.startsWith("t3.disclosed."));
        assertThat(report.parseWarnings()).anyMatch(w -> w.code().equals("ROW_UNREADABLE")
                && w.subject().equals("t3.disclosed"));
        assertThat(cell(report, t3("partially_disclosed", "natural_person")).value()).isEqualByComparingTo("5");
        assertThat(cell(report, t3("partially_disclosed", "total")).value()).isEqualByComparingTo("6");
        assertThat(report.parseWarnings()).anyMatch(w -> w.code().equals("EXTRA_TRAILING_ZERO")
                && w.subject().equals("t3.partially_disclosed"));
    }

    @Test
    void shouldReadIllegibleSubRowsOfOtherHandlingAsSubRowsNotAsOneRow() {
        // Given: the three 三(六) sub-row labels garbled beyond their keywords
        String text = ReportTexts.t3AndT4(Edition.E2021)
                .replace("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "1.申青人无正当理由逾朝不补止")
                .replace("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "2.申青人逾朝未按收费通和要求")
                .replace("3.其他", "3.具他");
        int first = ReportTexts.rowIndex(Edition.E2021, "other_no_correction");
        // When
        ParsedReport report = parse(text);
        // Then
        assertThat(report.cells().keySet()).noneMatch(k -> k.startsWith("t3.other_handling."));
        assertThat(cell(report, t3("other_no_correction", "total")).value())
                .isEqualByComparingTo(ReportTexts.total(first));
        assertThat(cell(report, t3("other_other", "total")).value()).isEqualByComparingTo(ReportTexts.total(first + 2));
        assertThat(report.parseWarnings()).filteredOn(w -> w.code().equals("ROW_LABEL_UNRECOGNISED"))
                .extracting(w -> w.subject())
                .containsExactly("t3.other_no_correction", "t3.other_fee_unpaid", "t3.other_other");
    }
}

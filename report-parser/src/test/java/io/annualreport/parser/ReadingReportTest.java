package io.annualreport.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.annualreport.extraction.ExtractionLimits;
import io.annualreport.extraction.TikaTextExtractor;
import io.annualreport.model.document.ExtractedDocument;
import io.annualreport.model.document.TextLine;
import io.annualreport.model.report.Cell;
import io.annualreport.model.report.CellSemantic;
import io.annualreport.model.report.Certainty;
import io.annualreport.model.report.Doubt;
import io.annualreport.model.report.ParsedReport;
import io.annualreport.model.report.PartReading;
import io.annualreport.model.report.ReadingReport;
import io.annualreport.model.report.ReadingStatus;
import io.annualreport.model.report.TableReading;
import io.annualreport.model.report.Unread;
import io.annualreport.model.report.UnreadReason;
import io.annualreport.model.template.TableId;

/**
 * The reading report: on the samples it reports every part and table read and every cell certain (it does not cry
 * wolf); on damaged inputs it names exactly the rows it could not read, and why, and marks the cells it doubts.
 */
class ReadingReportTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TikaTextExtractor TIKA = new TikaTextExtractor();
    private static final String SEED_000 = "seeds/000_0cd22d9d18d83273.txt";

    static Stream<Path> expectedFiles() {
        return SampleFiles.list("expected", ".json").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expectedFiles")
    void shouldReportEverySampleTableReadWithEveryCellCertain(Path expectedFile) throws Exception {
        // Given
        JsonNode expected = JSON.readTree(expectedFile.toFile());
        String input = expected.get("input").asText();
        Path file = SampleFiles.file(input);
        ExtractedDocument document = input.endsWith(".pdf")
                ? TIKA.extract(file, file.getFileName().toString(), "application/pdf")
                : SampleFiles.text(SampleFiles.read(file));

        // When
        ParsedReport report = new ReportParser().parse(document, ParseHints.none());
        ReadingReport reading = report.reading();

        // Then
        assertThat(reading.fileComplete()).isTrue();
        assertThat(reading.damage()).isEmpty();
        // seed 002 prints no title: agency and year come from its first sentence, which is no doubt (foundBy says so)
        assertThat(reading.identityDoubts()).isEmpty();
        if (report.identity().title() == null) {
            assertThat(report.identity().foundBy()).containsEntry("agency", "body").containsEntry("year", "body");
        }
        assertThat(reading.parts()).extracting(PartReading::status).containsOnly(ReadingStatus.READ);
        assertThat(reading.parts()).extracting(PartReading::foundBy).containsOnly("heading");
        assertThat(reading.tables()).extracting(TableReading::table).containsExactly(TableId.T2, TableId.T3,
                TableId.T4);
        assertThat(reading.tables()).allSatisfy(table -> {
            assertThat(table.status()).as(table.table() + " " + table.unread()).isEqualTo(ReadingStatus.READ);
            assertThat(table.unread()).isEmpty();
            assertThat(table.cellsRead()).isEqualTo(table.cellsExpected());
            assertThat(table.rowsRead()).isEqualTo(table.rowsExpected());
            assertThat(table.cellsDoubtful()).isZero();
        });
        assertThat(reading.table(TableId.T3).cellsExpected()).isIn(23 * 7, 25 * 7);
        assertThat(reading.table(TableId.T4).cellsExpected()).isEqualTo(15);
    }

    @Test
    void shouldReadAT3RowPrintedWithBlankCellsAsAPresentRowOfEmptyCells() {
        // Given: row 4.保护第三方合法权益 printed with its label and blank cells; row 5 below it prints its zeros blank
        // too, so blank cells are the table's way of printing
        String text = seed000()
                .replace("\t\t4.保护第三方合法权益\t\t0\t0\t0\t0\t0\t0\t0", "\t\t4.保护第三方合法权益\t\t\t\t\t\t\t\t")
                .replace("\t\t5.属于三类内部事务信息\t\t0\t0\t0\t0\t0\t0\t0", "\t\t5.属于三类内部事务信息\t\t1\t\t\t\t\t\t1");

        // When
        ParsedReport report = parse(text);

        // Then
        TableReading t3 = report.reading().table(TableId.T3);
        assertThat(t3.status()).isEqualTo(ReadingStatus.READ);
        assertThat(t3.unread()).isEmpty();
        for (String column : List.of("natural_person", "commercial_enterprise", "research_institution",
                "social_welfare_org", "legal_service_org", "other_org", "total")) {
            Cell cell = report.cells().get("t3.withheld_third_party_rights." + column);
            assertThat(cell.semantic()).isEqualTo(CellSemantic.EMPTY);
            assertThat(cell.value()).isNull();
            assertThat(cell.isCertain()).isTrue();
        }
        assertThat(report.cells().get("t3.withheld_internal_affairs.natural_person").value())
                .isEqualByComparingTo("1");
        assertThat(report.cells().get("t3.withheld_internal_affairs.commercial_enterprise").semantic())
                .isEqualTo(CellSemantic.EMPTY);
        assertThat(report.cells().get("t3.withheld_internal_affairs.total").value()).isEqualByComparingTo("1");
    }

    @Test
    void shouldNotReadTheOnlyT3RowWithBlankCellsAsBlankCells() {
        // Given: row 4.保护第三方合法权益 printed with its label and blank cells, every other row printing all its
        // numbers: the row's numbers may have been lost by a converter
        String text = seed000()
                .replace("\t\t4.保护第三方合法权益\t\t0\t0\t0\t0\t0\t0\t0", "\t\t4.保护第三方合法权益\t\t\t\t\t\t\t\t")
                .replace("\t\t5.属于三类内部事务信息\t\t0\t0\t0\t0\t0\t0\t0", "\t\t5.属于三类内部事务信息\t\t1\t0\t0\t0\t0\t0\t1");

        // When
        ParsedReport report = parse(text);

        // Then
        TableReading t3 = report.reading().table(TableId.T3);
        assertThat(t3.status()).isEqualTo(ReadingStatus.PARTLY_READ);
        assertThat(t3.unread()).extracting(Unread::subject, Unread::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("t3.withheld_third_party_rights",
                        UnreadReason.NUMBERS_NOT_PLACEABLE));
        assertThat(report.cells()).doesNotContainKey("t3.withheld_third_party_rights.total");
        assertThat(report.cells().get("t3.withheld_internal_affairs.total").isCertain()).isTrue();
        assertThat(report.cells().get("t3.withheld_internal_affairs.total").value()).isEqualByComparingTo("1");
    }

    @Test
    void shouldReportAT3RowPrintedWithoutNumbersAsUnreadAndNotGiveItTheNextRowsNumbers() {
        // Given: row 4.保护第三方合法权益 printed with its label only, no cells; row 5 below it has its own numbers
        String text = seed000()
                .replace("\t\t4.保护第三方合法权益\t\t0\t0\t0\t0\t0\t0\t0", "\t\t4.保护第三方合法权益")
                .replace("\t\t5.属于三类内部事务信息\t\t0\t0\t0\t0\t0\t0\t0", "\t\t5.属于三类内部事务信息\t\t1\t0\t0\t0\t0\t0\t1");

        // When
        ParsedReport report = parse(text);

        // Then
        TableReading t3 = report.reading().table(TableId.T3);
        assertThat(t3.status()).isEqualTo(ReadingStatus.PARTLY_READ);
        assertThat(t3.unread()).extracting(Unread::subject, Unread::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("t3.withheld_third_party_rights",
                        UnreadReason.NUMBERS_NOT_PLACEABLE));
        assertThat(t3.unread().get(0).detail()).contains("行标签已找到");
        assertThat(t3.rowsRead()).isEqualTo(t3.rowsExpected() - 1);
        assertThat(t3.cellsRead()).isEqualTo(t3.cellsExpected() - 7);
        assertThat(report.cells()).doesNotContainKey("t3.withheld_third_party_rights.total");
        assertThat(report.cells().get("t3.withheld_internal_affairs.total").value()).isEqualByComparingTo("1");
        assertThat(report.reading().fileComplete()).isTrue();
    }

    @Test
    void shouldReportARowWhoseLabelIsNowhereAsNoLabel() {
        // Given: the whole row 2.重复申请 left out
        String text = seed000().replace("\t\t2.重复申请\t\t0\t0\t0\t0\t0\t0\t0\n", "");

        // When
        TableReading t3 = parse(text).reading().table(TableId.T3);

        // Then
        assertThat(t3.status()).isEqualTo(ReadingStatus.PARTLY_READ);
        assertThat(t3.unread()).singleElement().satisfies(unread -> {
            assertThat(unread.subject()).isEqualTo("t3.not_processed_duplicate");
            assertThat(unread.reason()).isEqualTo(UnreadReason.NO_LABEL);
            assertThat(unread.detail()).contains("重复申请");
        });
    }

    @Test
    void shouldMarkTheCellsOfARowWithAGarbledLabelPlacedByPositionAsDoubtful() {
        // Given: the label of row 2 of （三）不予公开 garbled beyond recognition, its numbers 1..7 still there
        String text = seed000().replace("\t\t2.其他法律法规禁止公开\t\t0\t0\t0\t0\t0\t0\t0",
                "\t\t2.具他沾律沾规禁上么井\t\t1\t0\t0\t0\t0\t0\t1");

        // When
        ParsedReport report = parse(text);

        // Then
        Cell total = report.cells().get("t3.withheld_prohibited_by_law.total");
        assertThat(total.value()).isEqualByComparingTo("1");
        assertThat(total.certainty()).isEqualTo(Certainty.DOUBTFUL);
        assertThat(total.doubt()).isEqualTo(Doubt.ROW_INFERRED);
        assertThat(report.reading().table(TableId.T3).cellsDoubtful()).isEqualTo(7);
        assertThat(report.cells().get("t3.withheld_state_secret.total").isCertain()).isTrue();
    }

    @Test
    void shouldReadATextCutInsideT3AsIncompleteAndNeverAsAReportWithoutItsLaterParts() {
        // Given: the text ends after the row 5.属于三类内部事务信息
        String seed = seed000();
        String cutAfter = "5.属于三类内部事务信息\t\t0\t0\t0\t0\t0\t0\t0\n";
        String text = seed.substring(0, seed.indexOf(cutAfter) + cutAfter.length());

        // When
        ReadingReport reading = parse(text).reading();

        // Then
        assertThat(reading.fileComplete()).isFalse();
        assertThat(reading.damage()).anyMatch(d -> d.startsWith("TEXT_ENDS_IN_TABLE"));
        TableReading t3 = reading.table(TableId.T3);
        assertThat(t3.status()).isEqualTo(ReadingStatus.PARTLY_READ);
        assertThat(t3.rowsRead()).isEqualTo(9);
        assertThat(t3.unread()).hasSize(t3.rowsExpected() - 9)
                .allSatisfy(u -> assertThat(u.reason()).isEqualTo(UnreadReason.TRUNCATED));
        assertThat(reading.table(TableId.T4).status()).isEqualTo(ReadingStatus.PRESENT_UNREAD);
        assertThat(reading.table(TableId.T4).unread()).extracting(Unread::reason)
                .containsOnly(UnreadReason.TRUNCATED);
        assertThat(reading.parts()).extracting(PartReading::status).doesNotContain(ReadingStatus.ABSENT);
        assertThat(reading.part(5).status()).isEqualTo(ReadingStatus.PRESENT_UNREAD);
        assertThat(reading.part(6).status()).isEqualTo(ReadingStatus.PRESENT_UNREAD);
    }

    @Test
    void shouldReportATableWithNoTraceInACompleteFileAsAbsent() {
        // Given: part 四 and its table left out entirely
        String seed = seed000();
        String text = seed.substring(0, seed.indexOf("四、政府信息公开行政复议、行政诉讼情况"))
                + seed.substring(seed.indexOf("五、存在的主要问题及改进情况"));

        // When
        ReadingReport reading = parse(text).reading();

        // Then
        assertThat(reading.fileComplete()).isTrue();
        assertThat(reading.table(TableId.T4).status()).isEqualTo(ReadingStatus.ABSENT);
        assertThat(reading.table(TableId.T4).unread()).extracting(Unread::reason)
                .containsOnly(UnreadReason.NO_LABEL);
        assertThat(reading.part(4).status()).isEqualTo(ReadingStatus.ABSENT);
        assertThat(reading.table(TableId.T3).status()).isEqualTo(ReadingStatus.READ);
    }

    @Test
    void shouldReportATableWhoseLabelsArePrintedButWhoseRegionIsNotFoundAsPresentUnread() {
        // Given: T3's header rows (申请人情况, the 勾稽 note) and its first two rows gone, the result rows still printed
        String seed = seed000();
        String text = seed.substring(0, seed.indexOf("(本列数据的勾稽关系"))
                + seed.substring(seed.indexOf("三、本年度办理结果"));

        // When
        ReadingReport reading = parse(text).reading();

        // Then
        assertThat(reading.table(TableId.T3).status()).isNotEqualTo(ReadingStatus.ABSENT);
        assertThat(reading.table(TableId.T3).unread()).extracting(Unread::reason)
                .doesNotContain(UnreadReason.TRUNCATED);
    }

    @Test
    void shouldMapTheShanghaiLayoutsPartsByContent() throws Exception {
        // Given: the overview numbered 一…六 with its own names, the tables' parts renumbered 一…三, then 四 and 五
        String seed = seed000();
        String text = seed.replace("二、主动公开政府信息情况", "二、工作机制保障\n\n本机关建立了工作机制。\n\n三、主动公开工作情况\n\n主动公开各类信息。\n\n"
                + "四、政府信息公开申请情况\n\n全年未收到申请。\n\n五、政府信息管理\n\n加强管理。\n\n六、平台建设\n\n建设平台。\n\n一、主动公开政府信息情况")
                .replace("三、收到和处理政府信息公开申请情况", "二、收到和处理政府信息公开申请情况")
                .replace("四、政府信息公开行政复议、行政诉讼情况", "三、政府信息公开行政复议、行政诉讼情况")
                .replace("五、存在的主要问题及改进情况", "四、存在的主要问题及改进情况")
                .replace("六、其他需要报告的事项", "五、其他需要报告的事项");

        // When
        ParsedReport report = parse(text);
        ParsedReport original = parse(seed);

        // Then
        assertThat(report.sections()).extracting(s -> s.number()).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(report.sections()).extracting(s -> s.heading()).containsExactly("一、总体情况",
                "一、主动公开政府信息情况", "二、收到和处理政府信息公开申请情况", "三、政府信息公开行政复议、行政诉讼情况", "四、存在的主要问题及改进情况",
                "五、其他需要报告的事项");
        assertThat(report.reading().parts()).extracting(PartReading::foundBy).containsExactly("heading", "content",
                "content", "content", "content", "content");
        assertThat(report.reading().parts()).extracting(PartReading::status).containsOnly(ReadingStatus.READ);
        assertThat(report.cells()).hasSameSizeAs(original.cells());
        original.cells().forEach((key, cell) -> assertThat(report.cells().get(key).value()).as(key)
                .isEqualByComparingTo(cell.value()));
        assertThat(report.reading().tables()).extracting(TableReading::status).containsOnly(ReadingStatus.READ);
    }

    @Test
    void shouldMarkACellOcrReadWithLowConfidenceAsDoubtfulAndKeepTheOthersCertain() {
        // Given: the T4 row read by OCR, one number (the 行政复议 total) with confidence 41
        String seed = seed000();
        String t4Row = "0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0";
        String text = seed.replace(t4Row, "0\t0\t0\t0\t3\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0");
        String[] rawLines = text.split("\n", -1);
        List<TextLine> lines = new ArrayList<>();
        for (int i = 0; i < rawLines.length; i++) {
            String[] cells = rawLines[i].split("\t", -1);
            List<TextLine.TextRun> runs = new ArrayList<>();
            float x = 50;
            for (int c = 0; c < cells.length; c++) {
                boolean doubtful = rawLines[i].startsWith("0\t0\t0\t0\t3") && c == 4;
                runs.add(new TextLine.TextRun(x, x + 10, cells[c], doubtful ? 41f : 93f));
                x += 30;
            }
            lines.add(new TextLine(1, 12f * i, rawLines[i], runs));
        }
        ExtractedDocument document = new ExtractedDocument(text, lines, List.of(), null);

        // When
        ParsedReport report = new ReportParser().parse(document, ParseHints.none());

        // Then
        Cell doubtful = report.cells().get("t4.all.review_total");
        assertThat(doubtful.value()).isEqualByComparingTo("3");
        assertThat(doubtful.doubt()).isEqualTo(Doubt.OCR_LOW_CONFIDENCE);
        assertThat(report.reading().table(TableId.T4).cellsDoubtful()).isEqualTo(1);
        assertThat(report.cells().get("t4.all.review_upheld").isCertain()).isTrue();
        assertThat(report.reading().table(TableId.T3).cellsDoubtful()).isZero();
    }

    @Test
    void shouldReadT4PrintedAsThreeCaptionedTablesOfFive() {
        // Given: T4 as a PDF-to-markdown tool prints it, one small table per group under a caption
        String seed = seed000();
        String t4 = seed.substring(seed.indexOf("行政复议\t\t\t\t\t行政诉讼"), seed.indexOf("五、存在的主要问题及改进情况"));
        String header = "| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |\n| --- | --- | --- | --- | --- |\n";
        String split = "**行政复议**\n\n" + header + "| 1 | 2 | 3 | 4 | 10 |\n\n**行政诉讼（未经复议直接起诉）**\n\n" + header
                + "| 0 | 1 | 0 | 0 | 1 |\n\n**行政诉讼（复议后起诉）**\n\n" + header + "| 2 | 0 | 0 | 0 | 2 |\n\n";

        // When
        ParsedReport report = parse(seed.replace(t4, split));

        // Then
        assertThat(report.reading().table(TableId.T4).status()).isEqualTo(ReadingStatus.READ);
        assertThat(report.cells().get("t4.all.review_total").value()).isEqualByComparingTo("10");
        assertThat(report.cells().get("t4.all.litigation_direct_corrected").value()).isEqualByComparingTo("1");
        assertThat(report.cells().get("t4.all.litigation_after_review_upheld").value()).isEqualByComparingTo("2");
        assertThat(report.reading().table(TableId.T4).cellsDoubtful()).isZero();
    }

    @Test
    void shouldMarkEveryCellOfADamagedFileAndReportTheDamage() {
        // Given
        String text = seed000();
        ExtractedDocument document = new ExtractedDocument(text, List.of(), List.of(), null,
                List.of("DAMAGED_FILE: 文件不完整（缺少文件尾），仅读出部分内容"));

        // When
        ParsedReport report = new ReportParser().parse(document, ParseHints.none());

        // Then
        assertThat(report.reading().fileComplete()).isFalse();
        assertThat(report.reading().damage()).containsExactly("DAMAGED_FILE: 文件不完整（缺少文件尾），仅读出部分内容");
        assertThat(report.cells().values()).isNotEmpty()
                .allSatisfy(cell -> assertThat(cell.doubt()).isEqualTo(Doubt.DAMAGED_FILE));
        assertThat(report.reading().tables()).allSatisfy(t -> assertThat(t.cellsDoubtful()).isEqualTo(t.cellsRead()));
    }

    @Test
    void shouldRecordWhereTheIdentityCameFromWhenNotFromTheTitle() {
        // Given
        String fromBody = "2023年政府信息公开工作年度报告\n一、总体情况\n2023年，某某县交通运输局认真贯彻落实条例。\n";
        String nowhere = "政府信息公开工作年度报告\n一、总体情况\n我局认真贯彻落实条例。\n";

        // When
        List<String> bodyDoubts = parse(fromBody).reading().identityDoubts();
        List<String> nowhereDoubts = parse(nowhere).reading().identityDoubts();

        // Then
        assertThat(bodyDoubts).isEmpty();
        assertThat(parse(fromBody).identity().foundBy()).containsEntry("agency", "body");
        assertThat(nowhereDoubts).anyMatch(d -> d.startsWith("AGENCY_NOT_FOUND"))
                .anyMatch(d -> d.startsWith("YEAR_NOT_FOUND"));
    }

    @Test
    void shouldReadTheScannedFixtureWithoutAConfidentWrongNumber() throws Exception {
        // Given
        Path scan = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize()
                .resolve("report-extraction/src/test/resources/fixtures/003-scanned.pdf");
        JsonNode expected = JSON.readTree(SampleFiles.list("expected", ".json").stream()
                .filter(p -> p.getFileName().toString().startsWith("003_")).findFirst().orElseThrow().toFile());

        // When
        TikaTextExtractor patient = new TikaTextExtractor(new ExtractionLimits(Duration.ofMinutes(10),
                Duration.ofMinutes(3), ExtractionLimits.DEFAULT.maxPages(), ExtractionLimits.DEFAULT.maxBytes()));
        ParsedReport report = new ReportParser().parse(patient.extract(scan, "003-scanned.pdf", null),
                ParseHints.none());

        // Then
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Cell> cell : report.cells().entrySet()) {
            JsonNode want = expected.get("cells").get(cell.getKey());
            if (cell.getValue().isCertain() && (want == null || cell.getValue().value() == null
                    || cell.getValue().value().compareTo(want.decimalValue()) != 0)) {
                wrong.add(cell.getKey() + " read " + cell.getValue().raw() + ", expected " + want);
            }
        }
        assertThat(wrong).isEmpty();
        int expectedCells = expected.get("cells").size();
        int unreadCells = report.reading().tables().stream().mapToInt(t -> t.cellsExpected() - t.cellsRead()).sum();
        assertThat(report.reading().tables()).allSatisfy(t -> assertThat(t.unread().size() > 0)
                .isEqualTo(t.cellsRead() < t.cellsExpected()));
        assertThat(report.cells().size() + unreadCells).isGreaterThanOrEqualTo(expectedCells);
    }

    private static ParsedReport parse(String text) {
        return new ReportParser().parse(SampleFiles.text(text), ParseHints.none());
    }

    private static String seed000() {
        return SampleFiles.read(SampleFiles.file(SEED_000));
    }
}

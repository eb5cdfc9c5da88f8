package io.annualreport.parser.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.annualreport.model.document.ExtractedDocument;
import io.annualreport.model.document.TextLine;
import io.annualreport.model.report.Identity;
import io.annualreport.model.report.ParsedReport;
import io.annualreport.model.template.Edition;
import io.annualreport.parser.ParseHints;
import io.annualreport.parser.ReportParser;
import io.annualreport.parser.reading.IdentityDoubts;

class IdentityReaderTest {

    private static Identity identity(String text, ParseHints hints) {
        return new ReportParser().parse(new ExtractedDocument(text, List.of(), List.of(), null), hints).identity();
    }

    @Test
    void shouldJoinATitleSplitOverTwoLines() {
        // Given
        String text = "\n- 1 -\n\n淮安市洪泽区人民政府\n\n2024 年政府信息公开工作年度报告\n\n本报告由……编制。\n一、总体情况\n正文";
        // When
        Identity identity = identity(text, ParseHints.none());
        // Then
        assertThat(identity.agency()).isEqualTo("淮安市洪泽区人民政府");
        assertThat(identity.year()).isEqualTo(2024);
        assertThat(identity.title()).isEqualTo("淮安市洪泽区人民政府2024年政府信息公开工作年度报告");
        assertThat(identity.region()).isEqualTo("淮安市洪泽区");
        assertThat(identity.foundBy()).containsEntry("agency", "title").containsEntry("year", "title");
    }

    @Test
    void shouldJoinATitleBrokenInsideAWord() {
        // Given: a centred title that a narrow page wrapped inside 信息 (as LibreOffice's PDF of a long name does)
        String text = "涧西区政务服务和大数据管理局 2020 年政府信\n息公开工作年度报告\n一、总体情况\n2020 年,我局认真贯彻。\n";
        // When
        Identity identity = identity(text, ParseHints.none());
        // Then
        assertThat(identity.agency()).isEqualTo("涧西区政务服务和大数据管理局");
        assertThat(identity.year()).isEqualTo(2020);
        assertThat(identity.title()).isEqualTo("涧西区政务服务和大数据管理局2020年政府信息公开工作年度报告");
    }

    @Test
    void shouldReadAgencyAndYearFromTheBodyWhenThereIsNoTitle() {
        // Given
        String text = "#### 一、总体情况\n\n2020年,川汇区政务服务和大数据管理局认真贯彻《政府信息公开条例》精神。\n二、主动公开政府信息情况\n";
        // When
        Identity identity = identity(text, ParseHints.none());
        // Then
        assertThat(identity.title()).isNull();
        assertThat(identity.agency()).isEqualTo("川汇区政务服务和大数据管理局");
        assertThat(identity.year()).isEqualTo(2020);
        assertThat(identity.foundBy()).containsEntry("agency", "body").containsEntry("year", "body");
        assertThat(identity.edition()).isEqualTo(Edition.E2019);
        assertThat(identity.foundBy()).containsEntry("edition", "report_year");
    }

    @Test
    void shouldFallBackToDeclaredValuesOnlyWhenTheDocumentSaysNothing() {
        // Given
        String text = "一、总体情况\n本局认真贯彻条例。\n";
        // When
        Identity identity = identity(text, new ParseHints("x.pdf", "某县某局", 2023));
        // Then
        assertThat(identity.agency()).isEqualTo("某县某局");
        assertThat(identity.year()).isEqualTo(2023);
        assertThat(identity.foundBy()).containsEntry("agency", "declared").containsEntry("year", "declared");
    }

    @Test
    void shouldTakeAgencyAndYearFromAFileNamedByItsTitleWhenTheTextAndSubmissionSayNothing() {
        // Given: no title, no agency in the body, nothing declared; the file is named by its title
        String text = "一、总体情况\n本局认真贯彻条例。\n";
        // When
        Identity named = identity(text,
                new ParseHints("下载/附件1：柞水县人力资源和社会保障局_2023年政府信息公开工作年度报告.pdf", null, null));
        Identity unnamed = identity(text, new ParseHints("扫描件_20240115.pdf", null, null));
        // Then
        assertThat(named.agency()).isEqualTo("柞水县人力资源和社会保障局");
        assertThat(named.year()).isEqualTo(2023);
        assertThat(named.foundBy()).containsEntry("agency", "file_name").containsEntry("year", "file_name");
        assertThat(unnamed.agency()).isNull();
        assertThat(unnamed.year()).isNull();
    }

    @Test
    void shouldPreferTheDeclaredAgencyAndThePrintedTitleToTheFileName() {
        // Given
        String untitled = "一、总体情况\n本局认真贯彻条例。\n";
        String titled = "洛宁县审计局2022年政府信息公开工作年度报告\n一、总体情况\n本局认真贯彻条例。\n";
        ParseHints hints = new ParseHints("宜阳县审计局2021年政府信息公开工作年度报告.docx", "洛宁县审计局", 2022);
        // When
        Identity declared = identity(untitled, hints);
        Identity printed = identity(titled, hints);
        // Then
        assertThat(declared.agency()).isEqualTo("洛宁县审计局");
        assertThat(declared.year()).isEqualTo(2022);
        assertThat(declared.foundBy()).containsEntry("agency", "declared").containsEntry("year", "declared");
        assertThat(printed.agency()).isEqualTo("洛宁县审计局");
        assertThat(printed.foundBy()).containsEntry("agency", "title");
        assertThat(printed.agencyFull()).isNull();
    }

    @Test
    void shouldTakeTheFullNameOfAnAbbreviatedAgencyFromTheFileName() {
        // Given: the title abbreviates the agency and the body never names it in full
        String text = "县人社局2023年政府信息公开工作年度报告\n一、总体情况\n本局认真贯彻条例。\n";
        // When
        Identity identity = identity(text,
                new ParseHints("柞水县人力资源和社会保障局2023年政府信息公开工作年度报告.pdf", null, null));
        // Then
        assertThat(identity.agency()).isEqualTo("县人社局");
        assertThat(identity.agencyFull()).isEqualTo("柞水县人力资源和社会保障局");
        assertThat(identity.foundBy()).containsEntry("agency", "title").containsEntry("agencyFull", "file_name");
    }

    @Test
    void shouldReadTitlesWithTheYearAfterTheWordsOrFirst() {
        // Given
        String afterWords = "重庆市大足区人民政府外事办公室政府信息公开工作2022年度报告\n一、总体情况\n";
        String yearFirst = "2022年上海市政府信息公开工作年度报告\n一、总体情况\n";
        // When
        Identity dazu = identity(afterWords, ParseHints.none());
        Identity shanghai = identity(yearFirst, ParseHints.none());
        // Then
        assertThat(dazu.agency()).isEqualTo("重庆市大足区人民政府外事办公室");
        assertThat(dazu.year()).isEqualTo(2022);
        assertThat(shanghai.agency()).isEqualTo("上海市");
        assertThat(shanghai.year()).isEqualTo(2022);
    }

    @Test
    void shouldReadTheAgencyFromABodySentenceOpenedByALongClause() {
        // Given: no title line; the first sentence opens with "在…指导下，" before the agency
        String text = "本报告根据《条例》编制。\n一、总体情况\n2021年，在上级政务公开主管部门的指导下，东至县住房和城乡建设局认真落实政府信息公开各项要求。\n";
        String archive = "一、总体情况\n2022年，泾县档案馆严格执行《中华人民共和国政府信息公开条例》。\n";
        // When
        Identity identity = identity(text, ParseHints.none());
        Identity archiveIdentity = identity(archive, ParseHints.none());
        // Then
        assertThat(identity.agency()).isEqualTo("东至县住房和城乡建设局");
        assertThat(identity.year()).isEqualTo(2021);
        assertThat(identity.foundBy()).containsEntry("agency", "body");
        assertThat(archiveIdentity.agency()).isEqualTo("泾县档案馆");
    }

    @Test
    void shouldReadTheAgencyFromTheSentenceSayingWhoCompiledTheReport() {
        // Given
        String compiled = "本报告由芜湖市鸠江区人民政府办公室编制。统计期限自2023年1月1日起至2023年12月31日止。\n一、总体情况\n我区认真贯彻条例。\n";
        String quoted = "根据要求，编制《宁国市审计局2022年政府信息公开工作年度报告》。\n一、总体情况\n本局认真贯彻条例。\n";
        // When
        Identity byCompiler = identity(compiled, ParseHints.none());
        Identity byQuote = identity(quoted, ParseHints.none());
        // Then
        assertThat(byCompiler.agency()).isEqualTo("芜湖市鸠江区人民政府办公室");
        assertThat(byCompiler.year()).isEqualTo(2023);
        assertThat(byQuote.agency()).isEqualTo("宁国市审计局");
        assertThat(byQuote.year()).isEqualTo(2022);
    }

    @Test
    void shouldReadATitleWithOcrSwapsOrBrokenOverThreeLines() {
        // Given
        String garbled = "黄山市屯溪区司法局2023年政俯信息公幵工作年度报告\n一、总体情况\n正文\n";
        String broken = "泾县人民政府办公室\n2024年政府信息公开工作\n年度报告\n一、总体情况\n正文\n";
        String spaced = "泾 县 应 急 管 理 局\n2 0 2 4 年 政 府 信 息 公 开 工 作 年 度 报 告\n一、总体情况\n正文\n";
        // When
        Identity fromGarbled = identity(garbled, ParseHints.none());
        Identity fromBroken = identity(broken, ParseHints.none());
        Identity fromSpaced = identity(spaced, ParseHints.none());
        // Then
        assertThat(fromGarbled.agency()).isEqualTo("黄山市屯溪区司法局");
        assertThat(fromGarbled.year()).isEqualTo(2023);
        assertThat(fromBroken.agency()).isEqualTo("泾县人民政府办公室");
        assertThat(fromBroken.year()).isEqualTo(2024);
        assertThat(fromSpaced.agency()).isEqualTo("泾县应急管理局");
        assertThat(fromSpaced.year()).isEqualTo(2024);
    }

    @Test
    void shouldLeaveTheAgencyAbsentWithAWarningWhenNothingNamesIt() {
        // Given
        String text = "一、总体情况\n2023年，本机关认真贯彻条例。\n";
        // When
        ParsedReport report = new ReportParser().parse(new ExtractedDocument(text, List.of(), List.of(), null),
                ParseHints.none());
        // Then
        assertThat(report.identity().agency()).isNull();
        assertThat(report.identity().year()).isEqualTo(2023);
        assertThat(report.parseWarnings()).anyMatch(w -> w.code().equals("AGENCY_NOT_FOUND")
                && w.subject().equals("identity.agency"));
        assertThat(report.parseWarnings()).noneMatch(w -> w.code().equals("YEAR_NOT_FOUND"));
    }

    @Test
    void shouldTellTheEditionFromTheTableMarkers() {
        // Given / When / Then
        assertThat(EditionDetector.detect("信息内容本年制发件数本年废止件数现行有效件数")).isEqualTo(Edition.E2021);
        assertThat(EditionDetector.detect("信息内容本年新制作数量本年新公开数量对外公开总数量")).isEqualTo(Edition.E2019);
        assertThat(EditionDetector.detect("本年制发件数……上一年项目数量")).isEqualTo(Edition.MIXED);
        assertThat(EditionDetector.detect("一、总体情况")).isEqualTo(Edition.UNKNOWN);
    }

    /** A scanned report read by OCR: the title line with the given confidence, the body naming 柞水县人民政府. */
    private static Identity scanned(String titleAgency, float titleConfidence) {
        return scanned(titleAgency, titleConfidence, "柞水县人民政府", ParseHints.none());
    }

    /** A scanned report read by OCR: the title line with the given confidence, the body naming {@code bodyAgency}. */
    private static Identity scanned(String titleAgency, float titleConfidence, String bodyAgency, ParseHints hints) {
        return scannedWithTitle(titleAgency + "2023年政府信息公开工作年度报告", titleConfidence, bodyAgency, hints);
    }

    private static Identity scannedWithTitle(String title, float titleConfidence, String bodyAgency,
            ParseHints hints) {
        String body = "2023年，" + bodyAgency + "坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实条例。";
        String text = title + "\n一、总体情况\n" + body + "\n";
        List<TextLine> lines = List.of(
                new TextLine(1, 80f, title, List.of(new TextLine.TextRun(100f, 480f, title, titleConfidence))),
                new TextLine(1, 120f, "一、总体情况", List.of(new TextLine.TextRun(70f, 160f, "一、总体情况", 95f))),
                new TextLine(1, 140f, body, List.of(new TextLine.TextRun(70f, 520f, body, 93f))));
        return new ReportParser().parse(new ExtractedDocument(text, lines, List.of(), null), hints).identity();
    }

    @Test
    void shouldTakeTheBodysAgencyWhereATitleReadWithDoubtDiffersFromItInOneCharacter() {
        // When: OCR read 柞 as 梓 in the title, with doubt
        Identity identity = scanned("梓水县人民政府", 61f);

        // Then
        assertThat(identity.agency()).isEqualTo("柞水县人民政府");
        assertThat(identity.foundBy()).containsEntry("agency", "body");
    }

    @Test
    void shouldKeepATitleReadWithConfidenceOrAnAgencyFurtherApartThanOneCharacter() {
        // When
        Identity confident = scanned("梓水县人民政府", 92f);
        Identity another = scanned("镇安县人民政府", 61f);

        // Then
        assertThat(confident.agency()).isEqualTo("梓水县人民政府");
        assertThat(confident.foundBy()).containsEntry("agency", "title");
        assertThat(another.agency()).isEqualTo("镇安县人民政府");
        assertThat(another.foundBy()).doesNotContainKey("agencyScan");
    }

    @Test
    void shouldSayWhereAScansTitleAndBodyReadTheAgencyOneCharacterApart() {
        // When: OCR read 柞 as 梓 in the title (confidently) and as 杆 in the body; nothing else names the agency
        Identity identity = scanned("梓水县人民政府", 92f, "杆水县人民政府", ParseHints.none());

        // Then
        assertThat(identity.foundBy()).containsEntry("agencyScan", "title_body_differ");
        assertThat(IdentityDoubts.of(identity)).anyMatch(d -> d.startsWith("AGENCY_SCAN_UNCERTAIN"));
    }

    @Test
    void shouldTakeTheSubmittersFormWhereAScanReadsACharacterOfThePlaceNameOtherwise() {
        // Given: OCR lacks 柞 and read it as 杆 in title and body alike
        String fileName = "柞水县人民政府2023年政府信息公开工作年度报告.pdf";

        // When
        Identity byFileName = scanned("杆水县人民政府", 92f, "杆水县人民政府", new ParseHints(fileName, null, null));
        Identity byDeclaration = scanned("杆水县人民政府", 92f, "杆水县人民政府",
                new ParseHints("扫描件001.pdf", "柞水县人民政府", null));
        Identity otherDepartment = scanned("杆水县人民政府", 92f, "杆水县人民政府",
                new ParseHints("柞水县教育局2023年政府信息公开工作年度报告.pdf", null, null));
        Identity farApart = scanned("杆水县人民政府", 92f, "杆水县人民政府",
                new ParseHints("镇安县人民政府2023年政府信息公开工作年度报告.pdf", null, null));
        Identity printed = identity("杆水县人民政府2023年政府信息公开工作年度报告\n一、总体情况\n无。\n",
                new ParseHints(fileName, null, null));

        // Then
        assertThat(byFileName.agency()).isEqualTo("柞水县人民政府");
        assertThat(byFileName.foundBy()).containsEntry("agency", "file_name_over_scan");
        assertThat(IdentityDoubts.of(byFileName)).isEmpty();
        assertThat(byDeclaration.agency()).isEqualTo("柞水县人民政府");
        assertThat(byDeclaration.foundBy()).containsEntry("agency", "declared_over_scan");
        assertThat(otherDepartment.agency()).isEqualTo("杆水县人民政府");
        assertThat(farApart.agency()).isEqualTo("杆水县人民政府");
        assertThat(printed.agency()).as("a text layer is what was printed").isEqualTo("杆水县人民政府");
        Identity garbledTitle = scannedWithTitle("杆水县人民政府2023年政府人人本公开工作年度报告", 70f, "杆水县人民政府",
                new ParseHints(fileName, null, null));
        assertThat(garbledTitle.agency()).as("the agency read from the body").isEqualTo("柞水县人民政府");
        assertThat(garbledTitle.foundBy()).containsEntry("agency", "file_name_over_scan");
        assertThat(scanned("宜阳县正阳街道;办事处", 92f, "宜阳县正阳街道办事处", ParseHints.none()).agency())
                .as("a speck read inside the name").isEqualTo("宜阳县正阳街道办事处");
        assertThat(IdentityReader.differsOnlyInPlaceName("皇守县金山街道办事处", "阜宁县金山街道办事处")).isTrue();
        assertThat(IdentityReader.differsOnlyInPlaceName("蔚县自然资源局", "蠡县自然资源局")).isTrue();
        assertThat(IdentityReader.differsOnlyInPlaceName("柞水县教育局", "柞水县体育局")).isFalse();
    }
}

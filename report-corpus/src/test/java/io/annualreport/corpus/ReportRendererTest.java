package io.annualreport.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.annualreport.model.template.Edition;
import io.annualreport.model.template.RowDef;
import io.annualreport.model.template.TemplateRegistry;

class ReportRendererTest {

    private final ReportRenderer renderer = new ReportRenderer();

    private static List<GeneratedReport> reports(long seed, Edition edition, Noise noise, int count) {
        CorpusGenerator generator = new CorpusGenerator(seed);
        List<GeneratedReport> reports = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            reports.add(generator.generate(edition, noise));
        }
        return reports;
    }

    private static GeneratedReport first(long seed, Edition edition, Noise noise,
            Predicate<GeneratedReport> wanted) {
        CorpusGenerator generator = new CorpusGenerator(seed);
        for (int i = 0; i < 1_000; i++) {
            GeneratedReport report = generator.generate(edition, noise);
            if (wanted.test(report)) {
                return report;
            }
        }
        throw new AssertionError("No report of the wanted kind in 1,000");
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void shouldRenderTheSameBytesTwice(Format format) {
        // Given
        List<GeneratedReport> reports = reports(20, Edition.E2021, Noise.all(), 20);

        // When
        List<String> first = reports.stream().map(r -> RenderedText.of(renderer.render(r, format, Noise.all()),
                format)).toList();
        List<String> second = reports.stream().map(r -> RenderedText.of(renderer.render(r, format, Noise.all()),
                format)).toList();

        // Then
        assertThat(second).isEqualTo(first);
        for (GeneratedReport report : reports.subList(0, 3)) {
            assertThat(renderer.render(report, format, Noise.all())).isEqualTo(renderer.render(report, format,
                    Noise.all()));
        }
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void shouldPrintSixHeadingsAndEveryT3RowLabelWhenNoiseIsOff(Format format) {
        for (Edition edition : List.of(Edition.E2019, Edition.E2021)) {
            // Given
            List<GeneratedReport> reports = reports(21, edition, Noise.all(), 15);
            List<String> labels = new ArrayList<>(TemplateRegistry.t3Rows(edition).stream().map(RowDef::label)
                    .toList());
            labels.addAll(List.of("三、本年度办理结果", "（三）不予公开", "（四）无法提供", "（五）不予处理",
                    TemplateRegistry.T3_IDENTITY_NOTE));

            for (GeneratedReport report : reports) {
                // When
                String text = RenderedText.of(renderer.render(report, format, Noise.none()), format);

                // Then
                assertThat(text).contains(NarrativeWriter.HEADINGS).contains(labels)
                        .contains(report.identity().title());
            }
        }
    }

    @Test
    void shouldOpenTheDocxWithPoiAndFindTheThreeTables() throws IOException {
        // Given
        GeneratedReport report = reports(22, Edition.E2019, Noise.all(), 1).get(0);

        // When
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(renderer.render(report, Format.DOCX,
                Noise.none())))) {

            // Then
            assertThat(doc.getTables()).hasSizeGreaterThanOrEqualTo(3);
            assertThat(doc.getTables().get(1).getRows()).hasSize(3 + TemplateRegistry.t3Rows(Edition.E2019).size());
            assertThat(doc.getTables().get(2).getRow(3).getTableCells()).hasSize(15);
            assertThat(doc.getTables().get(1).getRow(3).getCell(0).getText()).isEqualTo("一、本年新收政府信息公开申请数量");
            assertThat(doc.getTables().get(1).getRow(3).getCell(0).getCTTc().getTcPr().getGridSpan().getVal())
                    .hasToString("3");
            assertThat(doc.getTables().get(1).getRow(3).getTableCells()).hasSize(8);
            assertThat(doc.getTables().get(1).getRow(5).getCell(0).getText()).isEqualTo("三、本年度办理结果");
            assertThat(doc.getTables().get(1).getRow(6).getCell(0).getCTTc().getTcPr().getVMerge()).isNotNull();
        }
    }

    @Test
    void shouldPrintGroupLabelsOnlyOnTheFirstRowOfTheirGroup() {
        // Given
        GeneratedReport report = reports(23, Edition.E2021, Noise.none(), 1).get(0);

        // When
        List<String> lines = Arrays.asList(renderer.renderText(report, Format.TEXT, Noise.none()).split("\n"));

        // Then
        assertThat(lines.stream().filter(l -> l.contains("三、本年度办理结果"))).hasSize(1);
        assertThat(lines.stream().filter(l -> l.contains("（三）不予公开"))).hasSize(1);
        assertThat(lines).contains("\t（三）不予公开\t1.属于国家秘密\t"
                + row(report, "withheld_state_secret"));
        assertThat(lines).contains("\t\t2.其他法律行政法规禁止公开\t" + row(report, "withheld_prohibited_by_law"));
        assertThat(lines).contains("行政许可\t" + report.cells().get("t2.licensing.decisions").raw() + "\t\t");
    }

    @Test
    void shouldLayOutTheOfficialRowspansInHtml() {
        // Given
        GeneratedReport current = reports(24, Edition.E2021, Noise.none(), 1).get(0);
        GeneratedReport old = reports(24, Edition.E2019, Noise.none(), 1).get(0);

        // When
        String currentHtml = renderer.renderText(current, Format.HTML, Noise.none());
        String oldHtml = renderer.renderText(old, Format.HTML, Noise.none());

        // Then
        assertThat(currentHtml).contains("<td rowspan=\"22\">三、本年度办理结果</td>",
                "<td rowspan=\"8\">（三）不予公开</td>", "<td rowspan=\"3\">（六）其他处理</td>",
                "<td rowspan=\"3\" colspan=\"3\">" + TemplateRegistry.T3_IDENTITY_NOTE + "</td>",
                "<td colspan=\"5\">未经复议直接起诉</td>");
        assertThat(oldHtml).contains("<td rowspan=\"20\">三、本年度办理结果</td>", "<td colspan=\"2\">（六）其他处理</td>",
                "第二十条第（九）项");
    }

    @Test
    void shouldWrapThePartialDisclosureLabelWithTheNumbersOnTheSecondLine() {
        // Given
        GeneratedReport report = first(25, Edition.E2021, Noise.of(NoiseKind.WRAPPED_LABEL),
                r -> !r.noise(NoiseKind.WRAPPED_LABEL).isEmpty());

        // When
        List<String> noisy = Arrays.asList(renderer.renderText(report, Format.TEXT, Noise.all()).split("\n"));
        String clean = renderer.renderText(report, Format.TEXT, Noise.none());

        // Then
        int at = noisy.indexOf("\t（二）部分公开（区分处理的，");
        assertThat(at).isPositive();
        assertThat(noisy.get(at + 1)).isEqualTo("只计这一情形，不计其他情形）\t\t" + row(report, "partially_disclosed"));
        assertThat(clean).contains("（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t\t" + row(report, "partially_disclosed"));
    }

    @Test
    void shouldSwapCharactersInLabelsButNeverInNumbers() {
        // Given
        GeneratedReport report = first(26, Edition.E2021, Noise.of(NoiseKind.OCR_SWAP),
                r -> !r.noise(NoiseKind.OCR_SWAP).isEmpty() && r.cells().get("t3.new_received.total").value()
                        .intValue() > 0);

        // When
        String noisy = renderer.renderText(report, Format.TEXT, Noise.all());
        String clean = renderer.renderText(report, Format.TEXT, Noise.none());

        // Then
        assertThat(noisy).isNotEqualTo(clean);
        String repaired = noisy;
        for (InjectedNoise swap : report.noise(NoiseKind.OCR_SWAP)) {
            String[] pair = swap.detail().split("→");
            assertThat(noisy).contains(pair[1]);
            repaired = repaired.replace(pair[1], pair[0]);
        }
        assertThat(repaired).isEqualTo(clean);
    }

    @Test
    void shouldAppendTheExtraZeroInTextFormatsOnly() {
        // Given
        GeneratedReport report = first(27, Edition.E2019, Noise.of(NoiseKind.EXTRA_TRAILING_ZERO),
                r -> r.noise(NoiseKind.EXTRA_TRAILING_ZERO).stream().anyMatch(n -> n.subject().equals(
                        "total_handled")));

        // When
        String text = renderer.renderText(report, Format.TEXT, Noise.all());
        String html = renderer.renderText(report, Format.HTML, Noise.all());

        // Then
        String values = row(report, "total_handled");
        assertThat(text).contains("（七）总计\t\t" + values + "\t0\n");
        assertThat(report.cells().get("t3.total_handled.total").raw()).isEqualTo(values.split("\t")[6]);
        assertThat(html).doesNotContain("<td>0</td></tr>\n<tr><td colspan=\"3\">四、结转下年度继续办理")
                .contains("<td colspan=\"3\">四、结转下年度继续办理");
    }

    @Test
    void shouldPrintBlankTruthCellsAsEmptyCells() {
        // Given
        GeneratedReport report = first(28, Edition.E2021, Noise.of(NoiseKind.BLANK_CELLS),
                r -> r.noise(NoiseKind.BLANK_CELLS).stream().anyMatch(n -> n.subject().startsWith(
                        "t3.new_received.")));

        // When
        String text = renderer.renderText(report, Format.TEXT, Noise.none());

        // Then
        String line = Arrays.stream(text.split("\n")).filter(l -> l.startsWith("一、本年新收政府信息公开申请数量"))
                .findFirst().orElseThrow();
        assertThat(line.split("\t", -1)).hasSize(10).contains("");
        assertThat(line.split("\t", -1)[3]).isEqualTo(report.cells().get("t3.new_received.natural_person").raw());
    }

    @Test
    void shouldWriteMarkdownHeadingsPipeTablesAndJunkHeaderRows() {
        // Given
        GeneratedReport report = first(29, Edition.E2021, Noise.of(NoiseKind.JUNK_HEADER_ROW,
                NoiseKind.ARABIC_HEADINGS), r -> r.noise().size() == 2);

        // When
        String clean = renderer.renderText(report, Format.MARKDOWN, Noise.none());
        String noisy = renderer.renderText(report, Format.MARKDOWN, Noise.all());

        // Then
        assertThat(clean).startsWith("# " + report.identity().title()).contains("\n## 一、总体情况\n",
                "\n### （一）主动公开\n", "| 规章 | " + report.cells().get("t2.regulations.issued").raw() + " |");
        assertThat(noisy).contains("\n## 1、总体情况\n", "\n## 6、其他需要报告的事项\n",
                "|  |  |  |  |  |  |  |  |  |  |\n| --- | --- |");
    }

    @Test
    void shouldSpaceTheTitleYearDropTheTitleAndRepeatTheFirstHeadingWhenPlanned() {
        // Given
        GeneratedReport spaced = first(30, Edition.E2021, Noise.of(NoiseKind.TITLE_SPACING),
                r -> !r.noise().isEmpty());
        GeneratedReport untitled = first(31, Edition.E2019, Noise.of(NoiseKind.MISSING_TITLE),
                r -> !r.noise().isEmpty());
        GeneratedReport repeated = first(32, Edition.E2019, Noise.of(NoiseKind.DUPLICATED_HEADING),
                r -> !r.noise().isEmpty());

        // When
        String spacedText = renderer.renderText(spaced, Format.TEXT, Noise.all());
        String spacedHtml = renderer.renderText(spaced, Format.HTML, Noise.all());
        String untitledText = renderer.renderText(untitled, Format.TEXT, Noise.all());
        String repeatedText = renderer.renderText(repeated, Format.MARKDOWN, Noise.all());

        // Then
        String year = String.valueOf(spaced.identity().year());
        String expectedTitle = spaced.identity().agency() + " " + year + " " + spaced.identity().title()
                .substring(spaced.identity().agency().length() + year.length());
        assertThat(spacedText).startsWith(expectedTitle + "\n");
        assertThat(spacedHtml).contains("<h1>" + expectedTitle + "</h1>");
        assertThat(untitledText).doesNotContain(untitled.identity().title()).startsWith("本报告根据")
                .contains(untitled.identity().agency());
        assertThat(repeatedText).contains("## 一、总体情况\n\n## 一、总体情况\n");
        assertThat(renderer.renderText(untitled, Format.HTML, Noise.all()))
                .contains("<title>" + untitled.identity().title() + "</title>").doesNotContain("<h1>");
        assertThat(RenderedText.of(renderer.render(untitled, Format.DOCX, Noise.all()), Format.DOCX))
                .doesNotContain(untitled.identity().title()).contains(untitled.identity().agency());
    }

    @Test
    void shouldPrintHalfWidthBracketsFullWidthDigitsAndSpacedLabelsWhenPlanned() {
        // Given
        GeneratedReport report = first(33, Edition.E2021, Noise.of(NoiseKind.HALF_WIDTH_BRACKETS,
                NoiseKind.FULL_WIDTH_DIGITS, NoiseKind.LABEL_SPACING),
                r -> r.noise().stream().map(InjectedNoise::kind).distinct().count() == 3);

        // When
        String text = renderer.renderText(report, Format.TEXT, Noise.all());

        // Then
        assertThat(text).contains("(三) 不予公开", "\t２．", "(本列数据的勾稽关系为").doesNotContain("（一）予以公开");
        String fullWidthRow = report.noise(NoiseKind.FULL_WIDTH_DIGITS).get(0).subject();
        String printed = TemplateRegistry.t3Columns().stream()
                .map(c -> LabelStyler.fullWidth(report.cells().get(TemplateRegistry.t3(fullWidthRow, c.key())).raw()))
                .collect(java.util.stream.Collectors.joining("\t"));
        assertThat(text).contains("\t" + printed);
        for (InjectedNoise spacing : report.noise(NoiseKind.LABEL_SPACING)) {
            assertThat(spacing.detail()).contains(" ");
            assertThat(text).contains(spacing.detail().substring(spacing.detail().indexOf(' ')).replace('（', '(')
                    .replace('）', ')'));
        }
    }

    @Test
    void shouldPrintTheT4OutcomeHeadersOneCharacterPerLineWhenPlanned() {
        // Given
        GeneratedReport report = first(34, Edition.E2019, Noise.of(NoiseKind.VERTICAL_HEADER),
                r -> !r.noise().isEmpty());

        // When
        String text = renderer.renderText(report, Format.TEXT, Noise.all());
        String markdown = renderer.renderText(report, Format.MARKDOWN, Noise.all());

        // Then
        String values = String.join("\t", TemplateRegistry.t4Columns().stream()
                .map(c -> report.cells().get(TemplateRegistry.t4(c.key())).raw()).toList());
        assertThat(text).contains("\t\t\t\t\t未经复议直接起诉\t\t\t\t\t复议后起诉\t\t\t\t\n结\t结\t其\t尚\t\t结\t",
                "\n持\t正\t果\t结\t\t持\t正\t果\t结\t\t持\t正\t果\t结\t\n" + values + "\n")
                .doesNotContain("结果维持\t结果纠正");
        assertThat(markdown).contains("| 结果维持 | 结果纠正 |");
    }

    /** The seven values of a T3 row, tab-separated, as printed. */
    private static String row(GeneratedReport report, String rowKey) {
        return String.join("\t", TemplateRegistry.t3Columns().stream()
                .map(c -> report.cells().get(TemplateRegistry.t3(rowKey, c.key())).raw()).toList());
    }
}

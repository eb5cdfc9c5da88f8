package io.annualreport.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.annualreport.model.document.ExtractedDocument;
import io.annualreport.model.document.TableGrid;
import io.annualreport.model.template.ColumnDef;
import io.annualreport.model.template.RowDef;
import io.annualreport.model.template.TemplateRegistry;

class TableStructureTest {

    private static final TikaTextExtractor EXTRACTOR = FixtureFormatsTest.EXTRACTOR;

    @Test
    void shouldExpandRowspanAndColspanOfAnHtmlTable(@TempDir Path dir) throws Exception {
        // Given
        Path page = dir.resolve("spans.html");
        Files.writeString(page, """
                <html><head><meta charset="utf-8"></head><body>
                <p>四、政府信息公开行政复议、行政诉讼情况</p>
                <table border="1">
                <tr><td colspan="2" rowspan="2">行政复议</td><td>行政诉讼</td></tr>
                <tr><td>尚未审结</td></tr>
                <tr><td>1</td><td>２</td><td>3</td></tr>
                </table></body></html>
                """, StandardCharsets.UTF_8);

        // When
        ExtractedDocument document = EXTRACTOR.extract(page, "spans.html", "text/html");

        // Then
        assertThat(document.tables()).hasSize(1);
        TableGrid table = document.tables().get(0);
        assertThat(table.rows()).containsExactly(
                List.of("行政复议", "行政复议", "行政诉讼"),
                List.of("行政复议", "行政复议", "尚未审结"),
                List.of("1", "２", "3"));
        assertThat(document.text().substring(table.textOffset())).startsWith("行政复议\t行政诉讼\n尚未审结\n1\t２\t3\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"docx", "doc"})
    void shouldExpandTheMergedCellsOfTheOfficialTemplate(String format) throws Exception {
        // Given the blank official template as published (DOCX) and saved as Word 97 by LibreOffice (DOC)
        Path template = format.equals("docx")
                ? TestFiles.samples().resolve("real").resolve("政务公开年报模版.docx")
                : TestFiles.resource("templates/template-2021.doc");
        RowDef stateSecretRow = TemplateRegistry.t3RowsAllEditions().stream()
                .filter(r -> r.key().equals("withheld_state_secret")).findFirst().orElseThrow();
        String results = stateSecretRow.groups().get(0);
        String withheld = stateSecretRow.groups().get(1);
        String stateSecret = stateSecretRow.label();
        List<String> columns = TemplateRegistry.t3Columns().stream().map(ColumnDef::label).toList();

        // When
        ExtractedDocument document = EXTRACTOR.extract(template, template.getFileName().toString(), null);

        // Then
        TableGrid t3 = document.tables().stream()
                .filter(t -> t.rows().stream().anyMatch(r -> r.contains(stateSecret))).findFirst().orElseThrow();
        List<String> row = t3.rows().stream().filter(r -> r.contains(stateSecret)).findFirst().orElseThrow();
        assertThat(row.subList(0, 3)).containsExactly(results, withheld, stateSecret);
        assertThat(t3.rows()).allSatisfy(r -> assertThat(r).hasSize(t3.rows().get(0).size()));
        assertThat(t3.rows().stream().filter(r -> r.get(1).equals(withheld))).hasSize(8);
        List<String> header = t3.rows().stream().filter(r -> r.contains(columns.get(1))).findFirst().orElseThrow();
        assertThat(header.subList(header.size() - columns.size(), header.size())).containsExactlyElementsOf(columns);
    }

    @ParameterizedTest
    @ValueSource(strings = {"000.html", "000.docx", "000.doc", "000-gbk.html"})
    void shouldWriteEachTableRowOnOneLineWithTabsBetweenCells(String name) throws Exception {
        // Given
        List<String> seedCells = seedRow();

        // When
        ExtractedDocument document = EXTRACTOR.extract(TestFiles.resource("fixtures/" + name), name, null);

        // Then
        String line = document.text().lines().filter(l -> l.startsWith(seedCells.get(0))).findFirst().orElseThrow();
        assertThat(line.split("\t")).containsExactlyElementsOf(seedCells);
    }

    @ParameterizedTest
    @ValueSource(strings = {"000.html", "000.docx", "000-gbk.html"})
    void shouldKeepTheCellsOfATableRowInTheGrid(String name) throws Exception {
        // Given a table whose rows LibreOffice kept as they are (its DOC export merges cells of ragged rows)
        List<String> seedCells = seedRow();

        // When
        ExtractedDocument document = EXTRACTOR.extract(TestFiles.resource("fixtures/" + name), name, null);

        // Then
        assertThat(document.tables().stream().flatMap(t -> t.rows().stream()).map(TableStructureTest::trimTrailing))
                .contains(seedCells);
    }

    private static List<String> seedRow() {
        String seedRow = TestFiles.seedText("000").lines().filter(l -> l.startsWith("一、本年新收")).findFirst()
                .orElseThrow();
        return Arrays.stream(seedRow.split("\t")).map(String::strip).toList();
    }

    private static List<String> trimTrailing(List<String> row) {
        int end = row.size();
        while (end > 0 && row.get(end - 1).isEmpty()) {
            end--;
        }
        return row.subList(0, end);
    }
}

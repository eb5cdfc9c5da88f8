package io.annualreport.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.annualreport.model.document.ExtractedDocument;
import io.annualreport.model.document.TextLine;
import io.annualreport.model.report.ExtractionMethod;
import io.annualreport.model.report.PageExtraction;
import io.annualreport.model.template.ColumnDef;
import io.annualreport.model.template.RowDef;
import io.annualreport.model.template.TemplateRegistry;
import io.annualreport.model.text.TextFolding;

class RealPdfTablesTest {

    private static final TikaTextExtractor EXTRACTOR = new TikaTextExtractor(ExtractionLimits.DEFAULT,
            new ScanOcr("/nonexistent/tesseract", "chi_sim"));

    @ParameterizedTest
    @ValueSource(strings = {"hzq2024_working", "szfgs2024"})
    void shouldKeepTheSevenNumbersOfEveryT3RowInOrder(String report) throws Exception {
        // Given
        JsonNode cells = TestFiles.expected(report).path("cells");
        List<List<Long>> expected = expectedT3Rows(cells);

        // When
        ExtractedDocument document = extract(report);

        // Then
        assertThat(numberRows(t3Lines(document))).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hzq2024_working", "szfgs2024"})
    void shouldKeepTheWrappedPartialDisclosureNumbersOnTheLineAfterItsLabel(String report) throws Exception {
        // Given
        List<Long> expected = row(TestFiles.expected(report).path("cells"), "partially_disclosed");
        String label = TextFolding.compact(
                TemplateRegistry.t3RowsAllEditions().stream().filter(r -> r.key().equals("partially_disclosed"))
                        .findFirst().orElseThrow().variants().get(0));

        // When
        List<TextLine> lines = t3Lines(extract(report));

        // Then
        int labelLine = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (TextFolding.compact(lines.get(i).text()).contains(label)) {
                labelLine = i;
                break;
            }
        }
        assertThat(labelLine).as("line of %s", label).isNotNegative();
        assertThat(numbers(lines.get(labelLine + 1))).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hzq2024_working", "szfgs2024"})
    void shouldReadEveryPageFromTheTextLayerWithoutOcr(String report) throws Exception {
        // When
        ExtractedDocument document = extract(report);

        // Then
        assertThat(document.extraction().pageMethods()).hasSize(document.extraction().pages())
                .extracting(PageExtraction::method).containsOnly(ExtractionMethod.TEXT_LAYER);
        assertThat(document.lines()).allSatisfy(line -> assertThat(line.runs()).isNotEmpty());
        assertThat(document.text().lines().count()).isEqualTo(document.lines().size());
    }

    private static ExtractedDocument extract(String report) throws ExtractionException {
        Path pdf = TestFiles.samples().resolve("real").resolve(report + ".pdf");
        return EXTRACTOR.extract(pdf, pdf.getFileName().toString(), "application/pdf");
    }

    private static List<List<Long>> expectedT3Rows(JsonNode cells) {
        List<List<Long>> rows = new ArrayList<>();
        for (RowDef row : TemplateRegistry.t3RowsAllEditions()) {
            if (cells.has("t3." + row.key() + ".natural_person")) {
                rows.add(row(cells, row.key()));
            }
        }
        return rows;
    }

    private static List<Long> row(JsonNode cells, String rowKey) {
        List<Long> values = new ArrayList<>();
        for (ColumnDef column : TemplateRegistry.t3Columns()) {
            values.add(cells.path(TemplateRegistry.t3(rowKey, column.key())).asLong());
        }
        return values;
    }

    /** Lines from the T3 heading to the T4 heading. */
    private static List<TextLine> t3Lines(ExtractedDocument document) {
        String start = TextFolding.compact(TestFiles.PART_HEADINGS.get(2));
        String end = TextFolding.compact(TestFiles.PART_HEADINGS.get(3));
        List<TextLine> lines = new ArrayList<>();
        boolean inside = false;
        for (TextLine line : document.lines()) {
            String text = TextFolding.compact(line.text());
            if (text.contains(start)) {
                inside = true;
            } else if (text.contains(end)) {
                break;
            } else if (inside) {
                lines.add(line);
            }
        }
        return lines;
    }

    private static List<List<Long>> numberRows(List<TextLine> lines) {
        return lines.stream().map(RealPdfTablesTest::numbers).filter(n -> n.size() == 7).toList();
    }

    /** The integer runs at the end of a line, up to seven. */
    private static List<Long> numbers(TextLine line) {
        List<Long> numbers = new ArrayList<>();
        for (int i = line.runs().size() - 1; i >= 0 && numbers.size() < 7; i--) {
            String text = line.runs().get(i).text().strip();
            if (!text.matches("\\d+")) {
                break;
            }
            numbers.add(0, Long.parseLong(text));
        }
        return numbers;
    }
}

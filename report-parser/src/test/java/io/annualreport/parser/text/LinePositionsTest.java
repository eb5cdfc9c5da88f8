package io.annualreport.parser.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;

import io.annualreport.extraction.TikaTextExtractor;
import io.annualreport.model.document.ExtractedDocument;
import io.annualreport.model.document.TextLine;
import io.annualreport.model.report.Cell;
import io.annualreport.model.report.CellSemantic;
import io.annualreport.model.report.LinePosition;
import io.annualreport.model.report.ParsedReport;
import io.annualreport.model.text.TextFolding;
import io.annualreport.parser.ParseHints;
import io.annualreport.parser.ReportParser;

/** The positions of the lines cells were read from: matched to extraction's positioned lines, only those lines. */
class LinePositionsTest {

    @Test
    void shouldGiveThePageAndBaselineOfTheLinesCellsWereReadFromOnly() {
        // Given three text lines, positioned on page 2, and one cell read from the second
        String text = "三、收到和处理政府信息公开申请情况\n(一) 予以公开 12 0 12\n(二) 部分公开 3 0 3";
        List<TextLine> positioned = List.of(new TextLine(2, 100f, "三、收到和处理政府信息公开申请情况", List.of()),
                new TextLine(2, 130.5f, "(一) 予以公开 12 0 12", List.of()),
                new TextLine(2, 150f, "(二) 部分公开 3 0 3", List.of()));
        Cell cell = new Cell(new BigDecimal("12"), "12", CellSemantic.NUMERIC, 2, 2, "(一) 予以公开 12 0 12");
        // When
        List<LinePosition> positions = DocumentLines.positionsOf(text, positioned, List.of(cell));
        // Then
        assertThat(positions).containsExactly(new LinePosition(2, 2, 130.5f));
    }

    @Test
    void shouldGiveNoPositionWithoutAPositionedTwin() {
        // Given a text without layout (DOCX, HTML, plain text) and a cell on a line that has none
        Cell cell = new Cell(BigDecimal.ONE, "1", CellSemantic.NUMERIC, null, 1, "a 1");
        // When / Then
        assertThat(DocumentLines.positionsOf("a 1", List.of(), List.of(cell))).isEmpty();
        assertThat(DocumentLines.positionsOf("a 1\nb 2", List.of(new TextLine(1, 50f, "other", List.of())),
                List.of(cell))).isEmpty();
    }

    @Test
    void shouldPlaceTheT3RowOfARealPdfWherePdfBoxPrintsItsLabel() throws Exception {
        // Given the born-digital sample
        Path pdf = Path.of(System.getProperty("samples.dir", "../samples")).resolve("real/hzq2024_working.pdf");
        ExtractedDocument document = new TikaTextExtractor().extract(pdf, "hzq2024_working.pdf", "application/pdf");
        // When
        ParsedReport report = new ReportParser().parse(document, ParseHints.none());
        // Then the row 予以公开 is placed on the cell's page, on the baseline PDFBox finds for its label
        Cell disclosed = report.cells().get("t3.disclosed.total");
        LinePosition position = report.linePosition(disclosed.line()).orElseThrow();
        assertThat(position.page()).isEqualTo(disclosed.page());
        List<Float> baselines = labelBaselines(pdf, disclosed.page(), "予以公开");
        assertThat(baselines).isNotEmpty();
        assertThat(baselines).anySatisfy(y -> assertThat(Math.abs(y - position.y())).isLessThan(3f));
        // and only lines some cell was read from are listed
        assertThat(report.linePositions()).extracting(LinePosition::line).isSubsetOf(
                report.cells().values().stream().map(Cell::line).toList()).doesNotHaveDuplicates();
        assertThat(report.linePositions().size()).isLessThanOrEqualTo(report.cells().size());
        assertThat(report.cells()).allSatisfy((String key, Cell cell) -> assertThat(
                cell.line() == null || report.linePosition(cell.line()).isPresent()).as(key).isTrue());
    }

    /** Baselines (points from the top) of the text runs on the page whose text contains the label. */
    private static List<Float> labelBaselines(Path pdf, int page, String label) throws IOException {
        List<Float> found = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) {
                    if (TextFolding.compact(text).contains(label) && !positions.isEmpty()) {
                        found.add(positions.get(0).getYDirAdj());
                    }
                }
            };
            stripper.setSortByPosition(true);
            stripper.setStartPage(page);
            stripper.setEndPage(page);
            stripper.getText(document);
        }
        return found;
    }
}

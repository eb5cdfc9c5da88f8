package io.annualreport.store.agency;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.junit.jupiter.api.Test;

import io.annualreport.model.history.PreviousYearSnapshot;
import io.annualreport.model.report.Cell;
import io.annualreport.model.report.CellSemantic;
import io.annualreport.model.report.Identity;
import io.annualreport.model.report.Section;
import io.annualreport.model.template.Edition;

class YearComparisonTest {

    private static PreviousYearSnapshot snapshot(int year, int received, String part1, String part5) {
        Map<String, Cell> cells = Map.of(
                "t3.new_received.total", Cell.of(String.valueOf(received), BigDecimal.valueOf(received),
                        CellSemantic.NUMERIC),
                "t3.carried_forward.total", Cell.of("0", BigDecimal.ZERO, CellSemantic.ZERO));
        return new PreviousYearSnapshot(7, "淮安市洪泽区人民政府", year, "r" + year,
                new Identity(null, "洪泽区人民政府", null, year, Edition.E2021, Map.of()), cells, List.of(),
                List.of(new Section(1, "一、总体情况", part1, 0, 0), new Section(5, "五、存在的主要问题及改进情况", part5, 0, 0)),
                List.of(), null);
    }

    private final PreviousYearSnapshot before = snapshot(2023, 57,
            "全年共收到政府信息公开申请57件。\n坚持以公开为常态。\n组织培训2次。", "问题一。");
    private final PreviousYearSnapshot after = snapshot(2024, 60,
            "全年共收到政府信息公开申请60件。\n坚持以公开为常态。\n新设政务公开专区。", "问题一。");

    @Test
    void shouldMarkTheChangedCellsWithTheirChange() {
        YearComparison.Comparison c = YearComparison.compare(before, after);

        var cells = c.tables().stream().flatMap(t -> t.rows().stream()).flatMap(r -> r.cells().stream()).toList();
        var received = cells.stream().filter(x -> x.key().equals("t3.new_received.total")).findFirst().orElseThrow();
        assertThat(received.changed()).isTrue();
        assertThat(received.before()).isEqualTo("57");
        assertThat(received.after()).isEqualTo("60");
        assertThat(received.delta()).isEqualByComparingTo("3");
        assertThat(cells.stream().filter(x -> x.key().equals("t3.carried_forward.total")).findFirst().orElseThrow()
                .changed()).isFalse();
        assertThat(c.changedCells()).isEqualTo(1);
        assertThat(c.tables()).extracting(YearComparison.TableComparison::table).contains("T2", "T3", "T4");
        assertThat(c.tables().stream().filter(t -> t.table().equals("T3")).findFirst().orElseThrow().columns())
                .hasSize(7);
    }

    @Test
    void shouldCompareTheNarrativePartByPartParagraphByParagraph() {
        YearComparison.Comparison c = YearComparison.compare(before, after);

        YearComparison.PartComparison part1 = c.parts().get(0);
        assertThat(part1.paragraphs()).extracting(YearComparison.ParagraphChange::kind)
                .containsExactly("CHANGED", "SAME", "CHANGED");
        assertThat(part1.paragraphs().get(0).changedNumbers()).containsExactly("60");
        assertThat(part1.paragraphs().get(2).changedNumbers()).isEmpty();
        assertThat(c.parts().get(1).changes()).isZero();
        assertThat(YearComparison.paragraphs(List.of("a", "b"), List.of("b", "c")))
                .extracting(YearComparison.ParagraphChange::kind).containsExactly("REMOVED", "SAME", "ADDED");
    }

    @Test
    void shouldWriteTheComparisonAsAChineseWordDocument() throws Exception {
        byte[] docx = ComparisonDocx.write(YearComparison.compare(before, after));

        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            assertThat(doc.getParagraphs().get(0).getText())
                    .isEqualTo("淮安市洪泽区人民政府2023年与2024年政府信息公开工作年度报告对比");
            var t3 = doc.getTables().stream().filter(t -> t.getText().contains("一、本年新收政府信息公开申请数量"))
                    .findFirst().orElseThrow();
            var row = t3.getRows().stream().filter(r -> r.getCell(0).getText().startsWith("一、本年新收"))
                    .findFirst().orElseThrow();
            assertThat(row.getCell(7).getText()).isEqualTo("57 → 60（+3）");
            assertThat(row.getCell(7).getColor()).isEqualTo("FFF2CC");
            XWPFRun highlighted = doc.getParagraphs().stream().flatMap(p -> p.getRuns().stream())
                    .filter(r -> "60".equals(r.text())).findFirst().orElseThrow();
            assertThat(highlighted.getTextHighlightColor().toString()).isEqualTo("yellow");
            assertThat(doc.getParagraphs()).extracting(XWPFParagraph::getText)
                    .anyMatch(t -> t.startsWith("【修改】上年：全年共收到政府信息公开申请57件"));
        }
    }
}

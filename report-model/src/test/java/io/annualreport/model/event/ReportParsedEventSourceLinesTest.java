package io.annualreport.model.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.annualreport.model.GoldenEvents;
import io.annualreport.model.report.Cell;
import io.annualreport.model.report.CellSemantic;
import io.annualreport.model.report.Doubt;
import io.annualreport.model.report.ParsedReport;

class ReportParsedEventSourceLinesTest {

    private static final String ROW_57 = "一、本年新收政府信息公开申请数量\t3\t1\t0\t0\t0\t0\t4";

    @Test
    void bothGoldenShapesReadIntoTheSameEvent() {
        ReportParsedEvent old = EventCodec.decode(GoldenEvents.json(GoldenEvents.PARSED), ReportParsedEvent.class);
        ReportParsedEvent slim = EventCodec.decode(GoldenEvents.json(GoldenEvents.PARSED_SOURCE_LINES),
                ReportParsedEvent.class);

        assertThat(slim).isEqualTo(old);
        assertThat(slim.sourceLines()).isNull();
        assertThat(slim.report().cells().get("t3.disclosed.total").source())
                .isEqualTo("(一) 予以公开\t12\t0\t0\t0\t0\t0\t12");
        assertThat(slim.report().cells().get("t2.fees.amount_10k_yuan").doubt())
                .isEqualTo(Doubt.OCR_LOW_CONFIDENCE);
    }

    @Test
    void theWireShapeCarriesEachLineOnceAndNoCellRepeatsIt() throws Exception {
        ReportParsedEvent event = event(cellsOfOneRowAndTheirNeighbours());

        JsonNode json = EventCodec.mapper().readTree(EventCodec.encode(event));

        assertThat(json.path("sourceLines").path("57").asText()).isEqualTo(ROW_57);
        assertThat(json.path("sourceLines").size()).isEqualTo(1);
        assertThat(json.path("report").path("cells").path("t3.new_received.natural_person").has("source")).isFalse();
        assertThat(json.path("report").path("cells").path("t3.new_received.total").has("source")).isFalse();
        assertThat(countOf(EventCodec.encode(event), "本年新收")).isEqualTo(1);
    }

    @Test
    void aRoundTripGivesBackEveryCellExactly() {
        ReportParsedEvent event = event(cellsOfOneRowAndTheirNeighbours());

        ReportParsedEvent back = EventCodec.decode(EventCodec.encode(event), ReportParsedEvent.class);

        assertThat(back).isEqualTo(event);
        assertThat(back.report().cells()).containsExactlyEntriesOf(event.report().cells());
    }

    @Test
    void linesWhoseCellsDisagreeOrLackASourceStayInTheCells() {
        ReportParsedEvent slim = event(cellsOfOneRowAndTheirNeighbours()).withSourceLines();

        Map<String, Cell> cells = slim.report().cells();
        assertThat(slim.sourceLines()).containsOnlyKeys(57);
        assertThat(cells.get("t3.disclosed.total").source()).isEqualTo("(一) 予以公开\t12");
        assertThat(cells.get("t3.disclosed.natural_person").source()).isEqualTo("(一) 予以公开 12");
        assertThat(cells.get("t3.carried_over.total").source()).isNull();
        assertThat(cells.get("t3.carried_over.natural_person").source()).isEqualTo("二、上年结转");
        assertThat(cells.get("t2.fees.amount_10k_yuan").source()).isEqualTo("行政事业性收费 0.5");
        assertThat(cells.get("t3.new_received.natural_person").source()).isNull();
    }

    @Test
    void aReportWithoutCellsIsWrittenAsBefore() {
        ReportParsedEvent event = event(Map.of());

        assertThat(event.withSourceLines()).isSameAs(event);
        assertThat(EventCodec.encode(event)).doesNotContain("sourceLines");
    }

    private static ReportParsedEvent event(Map<String, Cell> cells) {
        ParsedReport report = new ParsedReport(null, List.of(), cells, List.of(), null, List.of(), "text");
        return new ReportParsedEvent(UUID.fromString("9b2e4c6a-1d3f-4a5b-8c7d-0e1f2a3b4c5d"), "0cd22d9d18d83273",
                Instant.parse("2026-01-20T08:15:31.456Z"), ReportParsedEvent.SCHEMA_VERSION, "0.1.0", "r.pdf", "ab",
                report);
    }

    /** One row of three cells on line 57, a line whose cells disagree, a line with a cell without source. */
    private static Map<String, Cell> cellsOfOneRowAndTheirNeighbours() {
        Map<String, Cell> cells = new LinkedHashMap<>();
        cells.put("t3.new_received.natural_person", new Cell(BigDecimal.valueOf(3), "3", CellSemantic.NUMERIC, 2, 57,
                ROW_57));
        cells.put("t3.new_received.legal_person", new Cell(BigDecimal.ONE, "1", CellSemantic.NUMERIC, 2, 57, ROW_57)
                .doubtful(Doubt.OCR_LOW_CONFIDENCE));
        cells.put("t3.new_received.total", new Cell(BigDecimal.valueOf(4), "4", CellSemantic.NUMERIC, 2, 57, ROW_57));
        cells.put("t3.disclosed.total", new Cell(BigDecimal.valueOf(12), "12", CellSemantic.NUMERIC, 2, 61,
                "(一) 予以公开\t12"));
        cells.put("t3.disclosed.natural_person", new Cell(BigDecimal.valueOf(12), "12", CellSemantic.NUMERIC, 2, 61,
                "(一) 予以公开 12"));
        cells.put("t3.carried_over.total", new Cell(null, "", CellSemantic.EMPTY, 2, 58, null));
        cells.put("t3.carried_over.natural_person", new Cell(null, "", CellSemantic.EMPTY, 2, 58, "二、上年结转"));
        cells.put("t2.fees.amount_10k_yuan", new Cell(new BigDecimal("0.5"), "0.5", CellSemantic.NUMERIC, 1, null,
                "行政事业性收费 0.5"));
        cells.put("t4.all.review_total", null);
        return cells;
    }

    private static int countOf(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}

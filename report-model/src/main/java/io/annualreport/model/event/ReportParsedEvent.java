package io.annualreport.model.event;

import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import io.annualreport.model.report.Cell;
import io.annualreport.model.report.ParsedReport;

/**
 * Published by parse on {@code reports.parsed}: the canonical model of one report as read by one parser version.
 *
 * <p>
 * On the wire the source line of the cells is carried once per line: {@code sourceLines} maps a line number to its
 * text, and a cell whose {@code line} is in that table has no {@code source} of its own (every cell of a table row
 * would otherwise repeat the whole row). {@link EventCodec} writes that shape and reads both shapes into cells that
 * carry their source again, so consumers never see the table; in memory {@code sourceLines} is null.
 *
 * @param sourceLines the source text of each line that cells refer to by {@code line}, or null when every cell
 *        carries its own source (events of producers older than this table, and every event in memory)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReportParsedEvent(
        UUID eventId,
        String reportId,
        Instant occurredAt,
        int schemaVersion,
        String parserVersion,
        String fileName,
        String sha256,
        ParsedReport report,
        @JsonInclude(JsonInclude.Include.NON_NULL) Map<Integer, String> sourceLines) implements ReportEvent {

    public static final int SCHEMA_VERSION = 1;

    /** An event whose cells carry their own source lines (the shape in memory). */
    public ReportParsedEvent(UUID eventId, String reportId, Instant occurredAt, int schemaVersion,
            String parserVersion, String fileName, String sha256, ParsedReport report) {
        this(eventId, reportId, occurredAt, schemaVersion, parserVersion, fileName, sha256, report, null);
    }

    /**
     * The wire shape: each source line kept once in {@link #sourceLines()} and left out of the cells that refer to it.
     * A line is kept in the cells when its cells disagree about its text or one of them has no source, so that
     * {@link #withSourcesInCells()} gives back exactly the same cells.
     */
    public ReportParsedEvent withSourceLines() {
        if (sourceLines != null || report == null || report.cells() == null || report.cells().isEmpty()) {
            return this;
        }
        Map<Integer, String> table = new TreeMap<>();
        Set<Integer> kept = new HashSet<>();
        for (Cell cell : report.cells().values()) {
            if (cell == null || cell.line() == null) {
                continue;
            }
            if (cell.source() == null) {
                kept.add(cell.line());
            } else {
                String previous = table.putIfAbsent(cell.line(), cell.source());
                if (previous != null && !previous.equals(cell.source())) {
                    kept.add(cell.line());
                }
            }
        }
        table.keySet().removeAll(kept);
        if (table.isEmpty()) {
            return this;
        }
        Map<String, Cell> cells = new LinkedHashMap<>();
        report.cells().forEach((key, cell) -> cells.put(key,
                cell != null && cell.line() != null && table.containsKey(cell.line()) ? cell.withSource(null) : cell));
        return new ReportParsedEvent(eventId, reportId, occurredAt, schemaVersion, parserVersion, fileName, sha256,
                report.withCells(cells), table);
    }

    /** The shape in memory: every cell with its own source line again, and no {@link #sourceLines()} table. */
    public ReportParsedEvent withSourcesInCells() {
        if (sourceLines == null) {
            return this;
        }
        ParsedReport filled = report;
        if (report != null && report.cells() != null && !sourceLines.isEmpty()) {
            Map<String, Cell> cells = new LinkedHashMap<>();
            report.cells().forEach((key, cell) -> cells.put(key, cell != null && cell.source() == null
                    && cell.line() != null && sourceLines.containsKey(cell.line())
                            ? cell.withSource(sourceLines.get(cell.line()))
                            : cell));
            filled = report.withCells(cells);
        }
        return new ReportParsedEvent(eventId, reportId, occurredAt, schemaVersion, parserVersion, fileName, sha256,
                filled, null);
    }
}

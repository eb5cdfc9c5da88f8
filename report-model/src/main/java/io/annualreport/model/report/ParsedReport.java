package io.annualreport.model.report;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The canonical model of one report: identity, the six parts, table cells by key, narrative facts, and the reading
 * report that says what could not be read.
 *
 * @param cells table cells keyed {@code table.row.column}, e.g. {@code t3.new_received.total}
 * @param text the normalized full text the spans refer to
 * @param reading what was read and what was not; null only in events of parsers older than the reading report
 * @param linePositions where on its page each text line that a cell was read from stands (only those lines, in line
 *        order); empty for formats without layout and in events of older parsers
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ParsedReport(
        Identity identity,
        List<Section> sections,
        Map<String, Cell> cells,
        List<Fact> facts,
        Extraction extraction,
        List<ParseWarning> parseWarnings,
        String text,
        ReadingReport reading,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<LinePosition> linePositions) {

    public ParsedReport {
        linePositions = linePositions == null ? List.of() : List.copyOf(linePositions);
    }

    /** A report without line positions (formats without layout, older parsers, hand-made test reports). */
    public ParsedReport(Identity identity, List<Section> sections, Map<String, Cell> cells, List<Fact> facts,
            Extraction extraction, List<ParseWarning> parseWarnings, String text, ReadingReport reading) {
        this(identity, sections, cells, facts, extraction, parseWarnings, text, reading, List.of());
    }

    /** A report without a reading report (older parsers, hand-made test reports). */
    public ParsedReport(Identity identity, List<Section> sections, Map<String, Cell> cells, List<Fact> facts,
            Extraction extraction, List<ParseWarning> parseWarnings, String text) {
        this(identity, sections, cells, facts, extraction, parseWarnings, text, null, List.of());
    }

    /** The same report with its reading report. */
    public ParsedReport withReading(ReadingReport reading) {
        return new ParsedReport(identity, sections, cells, facts, extraction, parseWarnings, text, reading,
                linePositions);
    }

    /** The same report with other cells (a reviewer's corrections, decoded sources), every other field kept. */
    public ParsedReport withCells(Map<String, Cell> otherCells) {
        return new ParsedReport(identity, sections, otherCells, facts, extraction, parseWarnings, text, reading,
                linePositions);
    }

    /** The same report with the positions of the lines its cells were read from. */
    public ParsedReport withLinePositions(List<LinePosition> positions) {
        return new ParsedReport(identity, sections, cells, facts, extraction, parseWarnings, text, reading,
                positions);
    }

    /** The position of a 1-based text line, if it is known. */
    public Optional<LinePosition> linePosition(int line) {
        return linePositions.stream().filter(p -> p.line() == line).findFirst();
    }
}

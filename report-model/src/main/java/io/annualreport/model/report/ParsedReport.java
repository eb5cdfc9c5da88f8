package io.annualreport.model.report;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The canonical model of one report: identity, the six parts, table cells by key, narrative facts, and the reading
 * report that says what could not be read.
 *
 * @param cells table cells keyed {@code table.row.column}, e.g. {@code t3.new_received.total}
 * @param text the normalized full text the spans refer to
 * @param reading what was read and what was not; null only in events of parsers older than the reading report
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
        ReadingReport reading) {

    /** A report without a reading report (older parsers, hand-made test reports). */
    public ParsedReport(Identity identity, List<Section> sections, Map<String, Cell> cells, List<Fact> facts,
            Extraction extraction, List<ParseWarning> parseWarnings, String text) {
        this(identity, sections, cells, facts, extraction, parseWarnings, text, null);
    }

    /** The same report with other cells (every other field kept). */
    public ParsedReport withCells(Map<String, Cell> cells) {
        return new ParsedReport(identity, sections, cells, facts, extraction, parseWarnings, text, reading);
    }

    /** The same report with its reading report. */
    public ParsedReport withReading(ReadingReport reading) {
        return new ParsedReport(identity, sections, cells, facts, extraction, parseWarnings, text, reading);
    }
}

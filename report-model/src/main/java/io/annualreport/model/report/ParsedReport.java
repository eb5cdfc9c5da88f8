package io.annualreport.model.report;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The canonical model of one report (DESIGN §3): identity, the six parts, table cells by key, narrative facts.
 *
 * @param cells table cells keyed {@code table.row.column}, e.g. {@code t3.new_received.total}
 * @param text the normalized full text the spans refer to
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ParsedReport(
        Identity identity,
        List<Section> sections,
        Map<String, Cell> cells,
        List<Fact> facts,
        Extraction extraction,
        List<ParseWarning> parseWarnings,
        String text) {
}

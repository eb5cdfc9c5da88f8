package io.annualreport.model.history;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.annualreport.model.report.Cell;
import io.annualreport.model.report.Fact;
import io.annualreport.model.report.Identity;
import io.annualreport.model.report.ParseWarning;
import io.annualreport.model.report.ParsedReport;
import io.annualreport.model.report.Section;
import io.annualreport.model.validation.Verdict;

/**
 * The current report of a canonical agency for one year as the cross-year rules (Y-01…Y-03) read it: served by
 * store-service, read by validate-service.
 *
 * @param agencyId the canonical agency (store's agency registry) the report belongs to
 * @param agencyName the agency's canonical name
 * @param year the report year
 * @param reportId the report the cells come from (its current parse run)
 * @param identity the identity as printed in that report
 * @param cells table cells by canonical key
 * @param facts numbers stated in the narrative
 * @param sections the six parts as read
 * @param parseWarnings what the parser warned about (Y-01 trusts a T3 without warnings only)
 * @param verdict the report's current verdict, null when not validated yet
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PreviousYearSnapshot(
        long agencyId,
        String agencyName,
        int year,
        String reportId,
        Identity identity,
        Map<String, Cell> cells,
        List<Fact> facts,
        List<Section> sections,
        List<ParseWarning> parseWarnings,
        Verdict verdict) {

    public PreviousYearSnapshot {
        cells = cells == null ? Map.of() : cells;
        facts = facts == null ? List.of() : facts;
        sections = sections == null ? List.of() : sections;
        parseWarnings = parseWarnings == null ? List.of() : parseWarnings;
    }

    /** The snapshot as the canonical report the rules read (no extraction, no reading report). */
    public ParsedReport toParsedReport() {
        Identity id = identity != null
                ? new Identity(identity.title(), identity.agency(), identity.region(), year, identity.edition(),
                        identity.foundBy(), identity.agencyFull())
                : new Identity(null, agencyName, null, year, null, Map.of());
        StringBuilder text = new StringBuilder();
        for (Section s : sections) {
            text.append(s.text() == null ? "" : s.text()).append('\n');
        }
        return new ParsedReport(id, sections, cells, facts, null, parseWarnings, text.toString());
    }
}

package io.annualreport.model.history;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.annualreport.model.report.Identity;
import io.annualreport.model.report.ParsedReport;
import io.annualreport.model.report.Section;

/**
 * Another agency's report of the same year and region, reduced to its narrative: what cross-agency cloning (Y-04)
 * compares with.
 *
 * @param agencyId the other canonical agency
 * @param agencyName its canonical name
 * @param reportId the report the narrative comes from
 * @param year the report year
 * @param sections the parts 一, 五 and 六 as read
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PeerNarrative(long agencyId, String agencyName, String reportId, int year, List<Section> sections) {

    public PeerNarrative {
        sections = sections == null ? List.of() : sections;
    }

    /** The narrative as a canonical report with the agency's name (the rules name it in their message). */
    public ParsedReport toParsedReport() {
        return new ParsedReport(new Identity(null, agencyName, null, year, null, Map.of()), sections, Map.of(),
                List.of(), null, List.of(), "");
    }
}

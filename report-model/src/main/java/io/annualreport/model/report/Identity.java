package io.annualreport.model.report;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import io.annualreport.model.template.Edition;

/**
 * Who published a report, for which year, in which edition, and how each was found.
 *
 * @param agency the agency as printed (possibly abbreviated, with or without its higher-level region)
 * @param foundBy for each of {@code agency}, {@code year}, {@code region}, {@code edition}: where it came from
 *        ({@code title}, {@code body}, {@code file_name}, {@code declared}, {@code markers}, {@code report_year})
 * @param agencyFull the agency's full name where the printed one is abbreviated and the text, the file name or the
 *        submitter's declaration gives the full one; null otherwise
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Identity(
        String title,
        String agency,
        String region,
        Integer year,
        Edition edition,
        Map<String, String> foundBy,
        @JsonInclude(JsonInclude.Include.NON_NULL) String agencyFull) {

    /** An identity without a separate full agency name. */
    public Identity(String title, String agency, String region, Integer year, Edition edition,
            Map<String, String> foundBy) {
        this(title, agency, region, year, edition, foundBy, null);
    }

    /** The full agency name where known, else the agency as printed. */
    public String agencyForMatching() {
        return agencyFull != null && !agencyFull.isBlank() ? agencyFull : agency;
    }
}

package io.annualreport.model.report;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.annualreport.model.template.Edition;

/**
 * Who published a report, for which year, in which edition, and how each was found.
 *
 * @param foundBy for each of {@code agency}, {@code year}, {@code region}, {@code edition}: where it came from
 *        ({@code title}, {@code body}, {@code declared}, {@code markers}, {@code report_year})
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Identity(
        String title,
        String agency,
        String region,
        Integer year,
        Edition edition,
        Map<String, String> foundBy) {
}

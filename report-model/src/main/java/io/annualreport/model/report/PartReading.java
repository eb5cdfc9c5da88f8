package io.annualreport.model.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * How one of the six parts was found.
 *
 * @param part 1–6, the national numbering
 * @param foundBy {@code heading} (a heading of the national form or a known variant), {@code content} (mapped from
 *        what the text says, e.g. a regional layout) or {@code position}; null when not found
 * @param heading the heading as printed, where there is one
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PartReading(int part, ReadingStatus status, String foundBy, String heading) {
}

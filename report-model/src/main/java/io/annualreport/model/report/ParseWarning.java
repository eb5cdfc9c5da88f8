package io.annualreport.model.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Something the parser could not read or had to repair, named precisely so that no number is guessed.
 *
 * @param code stable code, e.g. {@code ROW_MISSING}, {@code EXTRA_TRAILING_ZERO}, {@code SECTION_MISSING}
 * @param subject the cell key, row key or section the warning is about
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ParseWarning(String code, String subject, String message) {
}

package io.annualreport.model.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One of the six parts of a report, with its heading as printed and its character span in the full text. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Section(int number, String heading, String text, int start, int end) {
}

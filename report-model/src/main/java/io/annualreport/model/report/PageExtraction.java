package io.annualreport.model.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** How one page's text was obtained. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PageExtraction(int page, ExtractionMethod method, int characters) {
}

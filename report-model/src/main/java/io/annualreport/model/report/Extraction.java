package io.annualreport.model.report;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Provenance of a report's text: media type, method per page, size and time spent. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Extraction(
        String mediaType,
        ExtractionMethod method,
        int pages,
        int characters,
        long millis,
        List<PageExtraction> pageMethods,
        List<String> warnings) {
}

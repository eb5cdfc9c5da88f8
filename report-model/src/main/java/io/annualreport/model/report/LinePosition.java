package io.annualreport.model.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Where a line of the extracted text that cells were read from stands on its page, so that a reviewer's page picture
 * can be cropped around the row: the baseline as extraction measured it, in points (1/72 inch) from the top of the
 * page, the same for a PDF text layer and for OCR (image pixels × 72 / the resolution the image was read at).
 *
 * @param line 1-based line of the extracted text, as in {@link Cell#line()}
 * @param page 1-based page number
 * @param y the line's baseline, in points from the top of the page
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LinePosition(int line, int page, float y) {
}

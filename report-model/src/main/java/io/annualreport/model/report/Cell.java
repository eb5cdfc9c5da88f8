package io.annualreport.model.report;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One table cell under its canonical key, with the text as printed and where it was found.
 *
 * @param value the number, or null when the cell is not numeric
 * @param line 1-based line of the extracted text the cell was read from, where known
 * @param source the source line as extracted, for evidence
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Cell(BigDecimal value, String raw, CellSemantic semantic, Integer page, Integer line, String source) {

    /** A cell read from a printed string, classified by its text alone. */
    public static Cell of(String raw, BigDecimal value, CellSemantic semantic) {
        return new Cell(value, raw, semantic, null, null, null);
    }
}

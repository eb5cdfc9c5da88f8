package io.annualreport.model.report;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One table cell under its canonical key, with the text as printed, where it was found and how sure the reading is.
 *
 * @param value the number, or null when the cell is not numeric
 * @param line 1-based line of the extracted text the cell was read from, where known
 * @param source the source line as extracted, for evidence; left out of the JSON when null (in a parsed event, when
 *        the event's {@code sourceLines} carries it)
 * @param certainty {@link Certainty#CERTAIN} unless the reader has a doubt; never null after construction
 * @param doubt why the cell is doubtful, null when certain
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Cell(BigDecimal value, String raw, CellSemantic semantic, Integer page, Integer line,
        @JsonInclude(JsonInclude.Include.NON_NULL) String source,
        @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = OmitCertain.class) Certainty certainty,
        @JsonInclude(JsonInclude.Include.NON_NULL) Doubt doubt) {

    public Cell {
        if (certainty == null) {
            certainty = doubt == null ? Certainty.CERTAIN : Certainty.DOUBTFUL;
        }
    }

    /** A certain cell (the reading of a well-formed table). */
    public Cell(BigDecimal value, String raw, CellSemantic semantic, Integer page, Integer line, String source) {
        this(value, raw, semantic, page, line, source, Certainty.CERTAIN, null);
    }

    /** A cell read from a printed string, classified by its text alone. */
    public static Cell of(String raw, BigDecimal value, CellSemantic semantic) {
        return new Cell(value, raw, semantic, null, null, null);
    }

    /** The same cell with another source line (null when the event carries it once per line instead). */
    public Cell withSource(String source) {
        return new Cell(value, raw, semantic, page, line, source, certainty, doubt);
    }

    /** The same cell marked doubtful for the given reason. */
    public Cell doubtful(Doubt why) {
        return new Cell(value, raw, semantic, page, line, source, Certainty.DOUBTFUL, why);
    }

    /** Whether this cell may prove an error: read with certainty. */
    @JsonIgnore
    public boolean isCertain() {
        return certainty == Certainty.CERTAIN;
    }

    /** Leaves the default certainty out of the JSON: most cells are certain, and events stay small. */
    static final class OmitCertain {
        @Override
        public boolean equals(Object other) {
            return other == null || other == Certainty.CERTAIN;
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }
}

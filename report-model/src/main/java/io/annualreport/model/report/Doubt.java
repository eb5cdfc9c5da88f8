package io.annualreport.model.report;

/** Why a read cell is {@link Certainty#DOUBTFUL}. */
public enum Doubt {
    /** OCR read the cell's characters with a confidence below the threshold. */
    OCR_LOW_CONFIDENCE,
    /** The cell's column was inferred from the count of numbers, not from the table's structure or positions. */
    COLUMN_INFERRED,
    /** The value was repaired by the reader (an extra zero dropped, a split number joined, a look-alike replaced). */
    VALUE_REPAIRED,
    /** The cell comes from a part of the file the extractor reports as damaged. */
    DAMAGED_FILE,
    /**
     * The cell's row was identified by its position between two recognised rows, its printed label not being legible.
     */
    ROW_INFERRED
}

package io.annualreport.model.report;

/** Why a row or cell the format expects was not read. */
public enum UnreadReason {
    /** No line carries the row's label (nor a known variant of it). */
    NO_LABEL,
    /** The label was found but its numbers could not be placed in columns. */
    NUMBERS_NOT_PLACEABLE,
    /** Numbers were found but which column each belongs to cannot be told. */
    COLUMN_UNKNOWN,
    /** OCR could not read the row or cell with enough confidence. */
    OCR_LOW_CONFIDENCE,
    /** The table is cut by a page break the reader could not join. */
    CUT_BY_PAGE,
    /** The file ends before the table does. */
    TRUNCATED,
    /** The table is present only as an image that was not read. */
    IMAGE_ONLY
}

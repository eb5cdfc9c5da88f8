package io.annualreport.model.report;

/** What a printed table cell means; blank is never silently turned into zero. */
public enum CellSemantic {
    /** A number other than zero. */
    NUMERIC,
    /** The number zero. */
    ZERO,
    /** Nothing printed. */
    EMPTY,
    /** "/", "-", "—" and the like: the cell does not apply. */
    NOT_APPLICABLE,
    /** Words where a number belongs. */
    TEXT
}

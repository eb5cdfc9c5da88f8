package io.annualreport.model.report;

/** How sure the reader is of a cell's value: only CERTAIN cells may prove an error against the agency. */
public enum Certainty {
    /** Read from the file as printed, in a column the structure names. */
    CERTAIN,
    /** Read, but with a doubt a human should settle (see {@link Doubt}). */
    DOUBTFUL
}

package io.annualreport.store.persistence;

/** Where a report stands in the pipeline, as stored and as published in the report detail (docs/architecture.md §5). */
public enum ReportStatus {
    /** Submitted; not parsed yet. */
    RECEIVED,
    /** Parsed; not validated yet. */
    PARSED,
    /** Validated: the verdict is known. */
    VALIDATED,
    /** A stage gave up on the report. */
    FAILED
}

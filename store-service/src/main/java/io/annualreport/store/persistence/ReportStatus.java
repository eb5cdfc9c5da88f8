package io.annualreport.store.persistence;

/**
 * Where a report stands in the pipeline, as stored and as published in the report detail. VALIDATED needs both the
 * validation run and the parse run it validated: a verdict that arrives before its parse run is held.
 */
public enum ReportStatus {
    /** Submitted; not parsed yet. */
    RECEIVED,
    /** Parsed; not validated yet. */
    PARSED,
    /** Validated: the verdict is known. */
    VALIDATED,
    /** A stage gave up on the report. */
    FAILED;

    /** The Chinese label shown to users. */
    public String label() {
        return switch (this) {
            case RECEIVED -> "已接收";
            case PARSED -> "已解析";
            case VALIDATED -> "已审查";
            case FAILED -> "处理失败";
        };
    }
}

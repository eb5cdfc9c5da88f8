package io.annualreport.model.validation;

/**
 * The overall result of validating one report. Precedence, first that applies: UNREADABLE (nothing usable was read),
 * FAIL (an ERROR proven on certain cells), NEEDS_REVIEW (rule-relevant cells unread or doubtful, or the identity
 * uncertain), WARN (warnings), PASS.
 */
public enum Verdict {
    /** No error and no warning, and everything the rules need was read with certainty. */
    PASS,
    /** Warnings but no error, everything the rules need read with certainty. */
    WARN,
    /** 待人工复核: no error on certain cells, but cells the rules need are unread or doubtful, or the identity is uncertain. */
    NEEDS_REVIEW,
    /** At least one error proven on cells read with certainty. */
    FAIL,
    /** Extraction or parsing failed, or nothing usable was read, so the rules could not run. */
    UNREADABLE;

    /** The Chinese label shown to users. */
    public String label() {
        return switch (this) {
            case PASS -> "通过";
            case WARN -> "有警告";
            case NEEDS_REVIEW -> "待人工复核";
            case FAIL -> "不通过";
            case UNREADABLE -> "无法读取";
        };
    }
}

package io.annualreport.model.validation;

/** The overall result of validating one report. */
public enum Verdict {
    /** No error and no warning. */
    PASS,
    /** Warnings but no error. */
    WARN,
    /** At least one error. */
    FAIL,
    /** Extraction or parsing failed, so the rules could not run. */
    UNREADABLE
}

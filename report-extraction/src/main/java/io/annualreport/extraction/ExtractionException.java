package io.annualreport.extraction;

import io.annualreport.model.event.FailureReason;

/** A file that cannot be extracted, with the reason code that ends up on {@code reports.failed}. */
public class ExtractionException extends Exception {

    private final FailureReason reason;

    public ExtractionException(FailureReason reason, String message) {
        this(reason, message, null);
    }

    public ExtractionException(FailureReason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** Why the file could not be read. */
    public FailureReason reason() {
        return reason;
    }
}

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

    /** What a user is told first when a file cannot be read because it is cut short or broken. */
    public static final String CORRUPT_MESSAGE = "文件不完整或已损坏";

    /** A file that is truncated or broken: {@value #CORRUPT_MESSAGE}, then the detail the reader gave. */
    public static ExtractionException corrupt(String detail, Throwable cause) {
        return new ExtractionException(FailureReason.CORRUPT, CORRUPT_MESSAGE + "：" + detail, cause);
    }

    /** A file that is truncated or broken, without an underlying exception. */
    public static ExtractionException corrupt(String detail) {
        return corrupt(detail, null);
    }

    /** Why the file could not be read. */
    public FailureReason reason() {
        return reason;
    }
}

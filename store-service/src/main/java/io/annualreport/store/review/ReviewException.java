package io.annualreport.store.review;

/** A reviewer's request that cannot be carried out as asked (an unknown cell, a value that is no number …). */
public class ReviewException extends RuntimeException {

    private final String code;

    public ReviewException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** The error code of the contract, e.g. {@code UNKNOWN_CELL}. */
    public String code() {
        return code;
    }
}

package io.annualreport.ingest.rest;

/** The JSON error shape of the public contract: {@code {"error":{"code","message"}}}. */
public record ErrorBody(Error error) {

    /** The error's stable code and human-readable message. */
    public record Error(String code, String message) {
    }

    /** The body of one error. */
    public static ErrorBody of(String code, String message) {
        return new ErrorBody(new Error(code, message));
    }
}

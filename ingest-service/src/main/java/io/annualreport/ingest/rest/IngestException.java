package io.annualreport.ingest.rest;

/** A request the intake refuses, with the HTTP status and error code the client gets. */
public class IngestException extends RuntimeException {

    private final int status;
    private final String code;
    private final Integer retryAfterSeconds;

    public IngestException(int status, String code, String message) {
        this(status, code, message, null);
    }

    public IngestException(int status, String code, String message, Integer retryAfterSeconds) {
        super(message);
        this.status = status;
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }
}

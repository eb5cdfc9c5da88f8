package io.annualreport.store.rest;

/** A request parameter is malformed; answered with 400 and the contract's error body. */
public class InvalidRequestException extends RuntimeException {

    private final String code;

    public InvalidRequestException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}

package io.annualreport.store.persistence;

/** A database operation of the store failed; the event that caused it is not acknowledged. */
public class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}

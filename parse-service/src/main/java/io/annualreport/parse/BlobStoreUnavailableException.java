package io.annualreport.parse;

/**
 * The blob store cannot be read for now (its directory is away, its bucket does not answer): the submission is not at
 * fault and must be retried, never failed as BLOB_MISSING nor dead-lettered.
 */
public class BlobStoreUnavailableException extends RuntimeException {

    public BlobStoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

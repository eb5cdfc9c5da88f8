package io.annualreport.blob;

/** A URI that does not name a blob of this store (another scheme, bucket or directory), refused before any access. */
public final class BlobOutsideStoreException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public BlobOutsideStoreException(String message) {
        super(message);
    }
}

package io.annualreport.blob;

import java.nio.file.NoSuchFileException;

/** A URI of the store whose blob is not (or no longer) there. */
public final class BlobMissingException extends NoSuchFileException {

    private static final long serialVersionUID = 1L;

    public BlobMissingException(String blob, String reason) {
        super(blob, null, reason);
    }
}

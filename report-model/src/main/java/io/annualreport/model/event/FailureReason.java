package io.annualreport.model.event;

/** Why a report could not be processed, grouped by what an operator or submitter should do about it. */
public enum FailureReason {
    /** The file type is not one the pipeline reads. Resubmit in another format. */
    UNSUPPORTED_TYPE,
    /** The file is password protected. Resubmit without protection. */
    ENCRYPTED,
    /** The file is truncated or malformed. Resubmit a good copy. */
    CORRUPT,
    /** Extraction ran past its time budget. */
    TIMEOUT,
    /** The file exceeds a size or page cap (or is a decompression bomb). */
    TOO_LARGE,
    /** No text could be read, not even by OCR. */
    NO_TEXT,
    /** The pages need OCR but Tesseract is not installed. An operator must install it. */
    OCR_UNAVAILABLE,
    /** The original file is no longer in the blob store. */
    BLOB_MISSING,
    /** A bug: the stage threw an unexpected exception. */
    INTERNAL
}

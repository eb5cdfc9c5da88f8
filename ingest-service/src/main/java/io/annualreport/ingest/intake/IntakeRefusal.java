package io.annualreport.ingest.intake;

/**
 * Why the intake refuses an upload: the stable error code the submitter sees, and whether trying again later can help.
 *
 * <p>
 * The names are the public error codes; the REST adapter maps each to its HTTP status.
 */
public enum IntakeRefusal {

    /** No API key was presented, or one nobody was given. */
    UNAUTHENTICATED,
    /** The API key has been revoked. */
    KEY_REVOKED,
    /** The signed-in user may not submit (has neither the submitter nor the admin role). */
    ROLE_MISSING,
    /** The intake is processing as many uploads as it may at once. */
    TOO_MANY_UPLOADS(1),
    /** The declared report year is not a four-digit year. */
    BAD_YEAR,
    /** The request carries no file. */
    NO_FILE,
    /** An uploaded file could not be read. */
    UNREADABLE_UPLOAD,
    /** A file has no bytes. */
    EMPTY_FILE,
    /** A file, or an entry of a zip, is over the size limit. */
    TOO_LARGE,
    /** A file is of a type the pipeline does not read. */
    UNSUPPORTED_TYPE,
    /** A zip cannot be read as a zip. */
    CORRUPT_ZIP,
    /** A zip holds no file. */
    EMPTY_ZIP,
    /** A zip has more entries than allowed. */
    ZIP_TOO_MANY_ENTRIES,
    /** A zip unpacks to more bytes than allowed in all. */
    ZIP_TOO_LARGE,
    /** A zip entry unpacks to far more than its compressed size. */
    ZIP_BOMB,
    /** A zip entry's path leaves the archive, or the entry is a symbolic link. */
    ZIP_UNSAFE_PATH,
    /** A zip entry is encrypted. */
    ZIP_ENCRYPTED_ENTRY,
    /** A zip entry uses a compression method that cannot be read. */
    ZIP_UNSUPPORTED_ENTRY,
    /** A zip entry is itself an archive. */
    ZIP_NESTED_ARCHIVE,
    /** A URL to fetch is not an absolute http or https URL with a host and no user information. */
    URL_INVALID,
    /** A request names more URLs than allowed. */
    TOO_MANY_URLS,
    /** A URL's host (or a redirect's) is not one of the allowed domains. */
    URL_DOMAIN_NOT_ALLOWED,
    /** A URL's host (or a redirect's) resolves to a loopback, private, link-local, multicast or reserved address. */
    URL_ADDRESS_NOT_PUBLIC,
    /** A URL's host is unknown to DNS. */
    URL_UNRESOLVED,
    /** A URL redirects more often than allowed. */
    URL_TOO_MANY_REDIRECTS,
    /** A URL could not be fetched: refused connection, or an answer other than 2xx or a redirect. */
    URL_FETCH_FAILED,
    /** A URL was not fetched within the time limit. */
    URL_TIMEOUT,
    /** The intake's scratch space could not take the unpacked upload. */
    SCRATCH_UNAVAILABLE(10),
    /** The blob store did not store the file. */
    BLOB_STORE_UNAVAILABLE(10),
    /** The message broker did not acknowledge the submission. */
    BROKER_UNAVAILABLE(5);

    private final Integer retryAfterSeconds;

    IntakeRefusal() {
        this(null);
    }

    IntakeRefusal(Integer retryAfterSeconds) {
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Seconds after which the same upload may succeed, or null when it would be refused again. */
    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }
}

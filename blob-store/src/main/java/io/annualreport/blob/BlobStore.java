package io.annualreport.blob;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;

/**
 * Where submitted files are kept (claim check): ingest puts them, events carry the returned URI, parse and store read
 * them back through the same store.
 */
public interface BlobStore {

    /**
     * Stores a file durably under a report id; storing the same id again keeps the first copy.
     *
     * @param source a local file, moved or copied into the store
     * @return the URI by which the later stages fetch the file
     */
    URI put(String reportId, Path source) throws IOException;

    /**
     * Opens a stored blob for reading.
     *
     * @throws BlobMissingException when the URI is this store's but the blob is not (or no longer) there
     * @throws BlobOutsideStoreException when the URI does not name a blob of this store
     * @throws IOException when the store cannot be read
     */
    InputStream open(URI blob) throws IOException;

    /**
     * A local file with the blob's bytes, for readers that need a path; close it when done (a downloaded copy is then
     * deleted, a file of the directory store is left alone).
     *
     * @throws BlobMissingException when the URI is this store's but the blob is not (or no longer) there
     * @throws BlobOutsideStoreException when the URI does not name a blob of this store
     * @throws IOException when the store cannot be read or the copy cannot be written
     */
    LocalBlob fetch(URI blob) throws IOException;

    /**
     * Whether the store itself can be reached (its directory is there, its bucket answers), so that a reader can tell
     * a blob that is gone from a store that is away for a while.
     */
    default boolean available() {
        return true;
    }
}

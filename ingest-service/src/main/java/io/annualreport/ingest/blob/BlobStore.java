package io.annualreport.ingest.blob;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

/** Where uploaded files are kept (claim check): events carry the returned URI, never the bytes. */
public interface BlobStore {

    /**
     * Stores a file durably under a report id; storing the same id again keeps the first copy.
     *
     * @param source a local file, moved or copied into the store
     * @return the URI by which the parse stage fetches the file
     */
    URI put(String reportId, Path source) throws IOException;
}

package io.annualreport.blob;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A blob's bytes as a local file for as long as it is open: the stored file itself, or a download deleted on close. */
public final class LocalBlob implements AutoCloseable {

    private final Path path;
    private final boolean temporary;

    private LocalBlob(Path path, boolean temporary) {
        this.path = path;
        this.temporary = temporary;
    }

    /** The stored file itself, which closing leaves in place. */
    public static LocalBlob stored(Path file) {
        return new LocalBlob(file, false);
    }

    /** A temporary copy, deleted on close. */
    public static LocalBlob temporary(Path copy) {
        return new LocalBlob(copy, true);
    }

    /** The local file with the blob's bytes. */
    public Path path() {
        return path;
    }

    /** Deletes a temporary copy (at the latest when the JVM exits, should the file system refuse it now). */
    @Override
    public void close() {
        if (temporary) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                path.toFile().deleteOnExit();
            }
        }
    }
}

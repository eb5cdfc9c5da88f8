package io.annualreport.blob;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

import io.annualreport.model.event.ReportIds;

/**
 * A blob store in a local directory: {@code <dir>/<first two hex digits>/<reportId>}, fsynced before use; the source
 * file is moved in. Reads are confined to files below the directory.
 */
public final class DirectoryBlobStore implements BlobStore {

    private final Path root;

    public DirectoryBlobStore(Path root) throws IOException {
        this.root = Files.createDirectories(root.toAbsolutePath().normalize());
    }

    /** The directory the store keeps its files in. */
    public Path root() {
        return root;
    }

    /** Whether the directory is there and readable (an unmounted or renamed directory is not). */
    @Override
    public boolean available() {
        return Files.isDirectory(root) && Files.isReadable(root) && Files.isExecutable(root);
    }

    @Override
    public URI put(String reportId, Path source) throws IOException {
        if (!ReportIds.isValid(reportId)) {
            throw new IllegalArgumentException("not a report id: " + reportId);
        }
        Path dir = Files.createDirectories(root.resolve(reportId.substring(0, 2)));
        Path target = dir.resolve(reportId);
        if (Files.exists(target) && Files.size(target) == Files.size(source)) {
            return target.toUri();
        }
        Path temp = Files.createTempFile(dir, reportId, ".part");
        try {
            // A rename when the upload sits on the same file system (the default uploads directory is inside the blob
            // directory), else a copy; either way the bytes are synced below before the file takes its final name.
            Files.move(source, temp, StandardCopyOption.REPLACE_EXISTING);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
                directory.force(true);
            } catch (IOException ignored) {
                // some file systems cannot fsync a directory; the file itself is synced
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        return target.toUri();
    }

    @Override
    public InputStream open(URI blob) throws IOException {
        return Files.newInputStream(file(blob));
    }

    @Override
    public LocalBlob fetch(URI blob) throws IOException {
        return LocalBlob.stored(file(blob));
    }

    /** The stored regular file a URI names, after checking that it lies below the root, symbolic links resolved. */
    private Path file(URI blob) throws IOException {
        if (blob == null || !"file".equals(blob.getScheme())) {
            throw new BlobOutsideStoreException("not a file of the blob directory " + root + ": " + blob);
        }
        Path candidate;
        try {
            candidate = Path.of(blob).toAbsolutePath().normalize();
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            throw new BlobOutsideStoreException("not a file URI: " + blob);
        }
        if (!candidate.startsWith(root) || candidate.equals(root)) {
            throw new BlobOutsideStoreException("outside the blob directory " + root + ": " + blob);
        }
        if (!Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)) {
            throw new BlobMissingException(candidate.toString(), "not in the blob directory (any more)");
        }
        Path real = candidate.toRealPath();
        if (!real.startsWith(root.toRealPath()) || !Files.isRegularFile(real)) {
            throw new BlobOutsideStoreException("not a file of the blob directory " + root + ": " + blob);
        }
        return real;
    }
}

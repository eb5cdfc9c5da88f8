package io.annualreport.blob;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import io.annualreport.model.event.ReportIds;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * A blob store in an S3-compatible bucket: key {@code <first two hex digits>/<reportId>}, URI
 * {@code s3://<bucket>/<key>}; a successful PUT is the durability point. Reads are confined to this bucket; a local
 * copy for {@link #fetch} is downloaded into a temporary directory.
 */
public final class S3BlobStore implements BlobStore {

    private final S3Client s3;
    private final String bucket;
    private final Path downloads;

    /** A store whose local copies go to the JVM's temporary directory. */
    public S3BlobStore(S3Client s3, String bucket) {
        this(s3, bucket, Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** A store whose local copies ({@link #fetch}) are downloaded into the given directory. */
    public S3BlobStore(S3Client s3, String bucket, Path downloads) {
        this.s3 = s3;
        this.bucket = bucket;
        this.downloads = downloads;
    }

    /** Whether the bucket answers a HEAD request. */
    @Override
    public boolean available() {
        try {
            s3.headBucket(b -> b.bucket(bucket));
            return true;
        } catch (SdkException e) {
            return false;
        }
    }

    @Override
    public URI put(String reportId, Path source) throws IOException {
        if (!ReportIds.isValid(reportId)) {
            throw new IllegalArgumentException("not a report id: " + reportId);
        }
        String key = key(reportId);
        long size = Files.size(source);
        try {
            if (existingSize(key) != size) {
                s3.putObject(b -> b.bucket(bucket).key(key).contentLength(size), RequestBody.fromFile(source));
            }
        } catch (SdkException e) {
            throw new IOException("cannot store " + key + " in bucket " + bucket + ": " + e.getMessage(), e);
        }
        return URI.create("s3://" + bucket + "/" + key);
    }

    @Override
    public InputStream open(URI blob) throws IOException {
        String key = keyOf(blob);
        try {
            return s3.getObject(b -> b.bucket(bucket).key(key));
        } catch (NoSuchKeyException e) {
            throw new BlobMissingException(blob.toString(), "no such object in bucket " + bucket);
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                throw new BlobMissingException(blob.toString(), "no such object in bucket " + bucket);
            }
            throw new IOException("cannot read " + blob + ": " + e.getMessage(), e);
        } catch (SdkException e) {
            throw new IOException("cannot read " + blob + ": " + e.getMessage(), e);
        }
    }

    @Override
    public LocalBlob fetch(URI blob) throws IOException {
        String key = keyOf(blob);
        Files.createDirectories(downloads);
        Path copy = Files.createTempFile(downloads, "blob-", "-" + key.substring(key.lastIndexOf('/') + 1));
        try (InputStream in = open(blob)) {
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            return LocalBlob.temporary(copy);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(copy);
            throw e;
        }
    }

    /** The object key a URI names, after checking that it is an object of this bucket. */
    private String keyOf(URI blob) {
        if (blob == null || !"s3".equals(blob.getScheme()) || !bucket.equals(blob.getAuthority())) {
            throw new BlobOutsideStoreException("not an object of bucket " + bucket + ": " + blob);
        }
        String path = blob.getPath();
        if (path == null || path.length() < 2 || blob.getQuery() != null || blob.getFragment() != null) {
            throw new BlobOutsideStoreException("not an object of bucket " + bucket + ": " + blob);
        }
        return path.substring(1);
    }

    /** The object key of a report's blob. */
    public static String key(String reportId) {
        return reportId.substring(0, 2) + "/" + reportId;
    }

    private long existingSize(String key) {
        try {
            HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key(key));
            return head.contentLength();
        } catch (NoSuchKeyException e) {
            return -1;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return -1;
            }
            throw e;
        }
    }
}

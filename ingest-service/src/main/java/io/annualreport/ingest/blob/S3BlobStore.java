package io.annualreport.ingest.blob;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import io.annualreport.model.event.ReportIds;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * A blob store in an S3-compatible bucket: key {@code <first two hex digits>/<reportId>}, URI
 * {@code s3://<bucket>/<key>}; a successful PUT is the durability point.
 */
public final class S3BlobStore implements BlobStore {

    private final S3Client s3;
    private final String bucket;

    public S3BlobStore(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
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

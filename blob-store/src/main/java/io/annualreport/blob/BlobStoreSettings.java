package io.annualreport.blob;

import java.util.Optional;

/**
 * Which blob store to use and how to reach it, as read from the shared {@code blob.*} configuration of the services.
 *
 * @param kind {@code directory} or {@code s3}
 * @param dir the directory of the directory store
 * @param bucket the bucket of the S3 store
 * @param region the region of the S3 store
 * @param endpoint an S3-compatible server (S3Proxy, MinIO, Ceph); absent for AWS itself
 * @param accessKey the access key; absent (with the secret key) to use the AWS default credential chain
 * @param secretKey the secret key
 */
public record BlobStoreSettings(String kind, String dir, String bucket, String region, Optional<String> endpoint,
        Optional<String> accessKey, Optional<String> secretKey) {

    public static final String DIRECTORY = "directory";
    public static final String S3 = "s3";

    public BlobStoreSettings {
        endpoint = endpoint.filter(s -> !s.isBlank());
        accessKey = accessKey.filter(s -> !s.isBlank());
        secretKey = secretKey.filter(s -> !s.isBlank());
    }

    /** Settings of a directory store. */
    public static BlobStoreSettings directory(String dir) {
        return new BlobStoreSettings(DIRECTORY, dir, "reports", "us-east-1", Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /** Settings of an S3 store behind an S3-compatible endpoint with static keys. */
    public static BlobStoreSettings s3(String endpoint, String bucket, String accessKey, String secretKey) {
        return new BlobStoreSettings(S3, null, bucket, "us-east-1", Optional.of(endpoint), Optional.of(accessKey),
                Optional.of(secretKey));
    }
}

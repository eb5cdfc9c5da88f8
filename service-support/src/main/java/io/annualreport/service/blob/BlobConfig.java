package io.annualreport.service.blob;

import java.util.Optional;

import io.annualreport.blob.BlobStoreSettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The blob store's settings ({@code blob.*}), the same for ingest, parse and store, with their environment variables:
 * {@code BLOB_STORE}, {@code BLOB_DIR}, {@code S3_BUCKET}, {@code S3_REGION}, {@code S3_ENDPOINT}, {@code S3_ACCESS_KEY},
 * {@code S3_SECRET_KEY}.
 */
@ConfigMapping(prefix = "blob")
public interface BlobConfig {

    /** {@code directory} (the default) or {@code s3}: any S3-compatible bucket (S3Proxy, MinIO, Ceph, AWS). */
    @WithDefault("${BLOB_STORE:directory}")
    String store();

    /** The directory of the directory store. */
    @WithDefault("${BLOB_DIR:.pipeline/blobs}")
    String dir();

    /** The bucket of the S3 store. */
    S3 s3();

    /** Where the S3 store is and how to sign in. */
    interface S3 {

        /** The bucket. */
        @WithDefault("${S3_BUCKET:reports}")
        String bucket();

        /** The region. */
        @WithDefault("${S3_REGION:us-east-1}")
        String region();

        /** An S3-compatible server (S3Proxy, MinIO, Ceph); absent for AWS itself. */
        @WithDefault("${S3_ENDPOINT:}")
        Optional<String> endpoint();

        /** The access key; absent, with the secret key, to use the AWS default credential chain (web identity...). */
        @WithDefault("${S3_ACCESS_KEY:}")
        Optional<String> accessKey();

        /** The secret key. */
        @WithDefault("${S3_SECRET_KEY:}")
        Optional<String> secretKey();
    }

    /** The settings as the plain blob-store module takes them. */
    default BlobStoreSettings settings() {
        return new BlobStoreSettings(store(), dir(), s3().bucket(), s3().region(), s3().endpoint(), s3().accessKey(),
                s3().secretKey());
    }
}

package io.annualreport.ingest.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the intake: where blobs go, limits, API keys and how long to wait for the broker. */
@ConfigMapping(prefix = "ingest")
public interface IngestConfig {

    /** Which blob store keeps the uploads: {@code directory} (default) or {@code s3}. */
    @WithDefault("directory")
    String blobStore();

    /** Directory of the blob store (claim check) when {@code blob-store=directory}. */
    String blobDir();

    /** The S3-compatible bucket when {@code blob-store=s3}. */
    S3 s3();

    /** Largest accepted file, in bytes. */
    @WithDefault("52428800")
    long maxFileBytes();

    /** Base URL of store-service, for the status URL returned to the submitter. */
    String statusBaseUrl();

    /** Accepted API keys as {@code submitter=key} pairs, comma separated. */
    String apiKeys();

    /** Revoked API keys (answered with 403), comma separated; empty by default. */
    @WithDefault("none")
    String revokedKeys();

    /** How long an upload waits for the broker to acknowledge its event before answering 503. */
    @WithDefault("15s")
    Duration publishTimeout();

    /** Limits of a bulk zip upload. */
    Zip zip();

    /** Most uploads processed at once; further requests get 429 with Retry-After. */
    @WithDefault("64")
    int maxInFlight();

    /** Limits that make a bulk zip safe to unpack. */
    interface Zip {

        /** Most entries in one archive. */
        @WithDefault("1000")
        int maxEntries();

        /** Most bytes of one archive once unpacked. */
        @WithDefault("2147483648")
        long maxTotalBytes();

        /** Highest accepted ratio of unpacked to compressed size for an entry over 1 MiB. */
        @WithDefault("100")
        int maxRatio();
    }

    /** Where the S3-compatible bucket is and how to sign requests to it. */
    interface S3 {

        /** Endpoint of an S3-compatible server (S3Proxy, MinIO, Ceph); absent for AWS itself. */
        Optional<String> endpoint();

        @WithDefault("us-east-1")
        String region();

        @WithDefault("reports")
        String bucket();

        /** Access key; absent to use the AWS default credential chain (environment, web identity on Kubernetes). */
        Optional<String> accessKey();

        Optional<String> secretKey();
    }
}

package io.annualreport.ingest.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import io.annualreport.ingest.blob.BlobStore;
import io.annualreport.ingest.blob.DirectoryBlobStore;
import io.annualreport.ingest.blob.S3BlobStore;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** Chooses the blob store implementation from configuration ({@code ingest.blob-store=directory|s3}). */
public class BlobStoreProducer {

    @Produces
    @ApplicationScoped
    BlobStore blobStore(IngestConfig config) {
        return switch (config.blobStore()) {
            case "directory" -> directory(config.blobDir());
            case "s3" -> {
                IngestConfig.S3 s3 = config.s3();
                S3Client client = s3Client(s3.endpoint().orElse(null), s3.region(), s3.accessKey().orElse(null),
                        s3.secretKey().orElse(null));
                yield new S3BlobStore(client, s3.bucket());
            }
            default -> throw new IllegalStateException("ingest.blob-store must be 'directory' or 's3', not '"
                    + config.blobStore() + "'");
        };
    }

    private static BlobStore directory(String dir) {
        try {
            return new DirectoryBlobStore(Path.of(dir));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the blob directory " + dir, e);
        }
    }

    /**
     * An S3 client over the JDK's HTTP stack; path-style addressing when an endpoint is given (S3-compatible servers).
     */
    public static S3Client s3Client(String endpoint, String region, String accessKey, String secretKey) {
        S3ClientBuilder builder = S3Client.builder().httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(region));
        if (endpoint != null && !endpoint.isBlank()) {
            builder.endpointOverride(URI.create(endpoint)).forcePathStyle(true);
        }
        builder.credentialsProvider(accessKey != null && secretKey != null
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey))
                : DefaultCredentialsProvider.builder().build());
        return builder.build();
    }
}

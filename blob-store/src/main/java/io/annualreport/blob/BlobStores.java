package io.annualreport.blob;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** Builds the configured blob store ({@code directory} or {@code s3}) from plain settings. */
public final class BlobStores {

    private BlobStores() {
    }

    /**
     * The store the settings describe.
     *
     * @throws IllegalArgumentException for an unknown kind or a directory store without a directory
     * @throws UncheckedIOException when the directory cannot be created
     */
    public static BlobStore create(BlobStoreSettings settings) {
        return switch (settings.kind()) {
            case BlobStoreSettings.DIRECTORY -> {
                if (settings.dir() == null || settings.dir().isBlank()) {
                    throw new IllegalArgumentException("blob.dir is required when blob.store=directory");
                }
                try {
                    yield new DirectoryBlobStore(Path.of(settings.dir()));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot create the blob directory " + settings.dir(), e);
                }
            }
            case BlobStoreSettings.S3 -> new S3BlobStore(s3Client(settings.endpoint().orElse(null), settings.region(),
                    settings.accessKey().orElse(null), settings.secretKey().orElse(null)), settings.bucket());
            default -> throw new IllegalArgumentException(
                    "blob.store must be 'directory' or 's3', not '" + settings.kind() + "'");
        };
    }

    /**
     * An S3 client over the JDK's HTTP stack; path-style addressing when an endpoint is given (S3-compatible servers);
     * the AWS default credential chain unless both keys are given.
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

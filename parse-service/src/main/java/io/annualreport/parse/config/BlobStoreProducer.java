package io.annualreport.parse.config;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.annualreport.blob.BlobStore;
import io.annualreport.blob.BlobStoreSettings;
import io.annualreport.blob.BlobStores;
import io.quarkus.runtime.Startup;

/** Builds the pipeline's blob store from the shared {@code blob.*} settings ({@code blob.store=directory|s3}). */
public class BlobStoreProducer {

    /** Built at start-up, so that a directory store never creates its directory later, during an outage. */
    @Produces
    @ApplicationScoped
    @Startup
    BlobStore blobStore(@ConfigProperty(name = "blob.store", defaultValue = "directory") String kind,
            @ConfigProperty(name = "blob.dir", defaultValue = ".pipeline/blobs") String dir,
            @ConfigProperty(name = "blob.s3.bucket", defaultValue = "reports") String bucket,
            @ConfigProperty(name = "blob.s3.region", defaultValue = "us-east-1") String region,
            @ConfigProperty(name = "blob.s3.endpoint") Optional<String> endpoint,
            @ConfigProperty(name = "blob.s3.access-key") Optional<String> accessKey,
            @ConfigProperty(name = "blob.s3.secret-key") Optional<String> secretKey) {
        return BlobStores.create(new BlobStoreSettings(kind, dir, bucket, region, endpoint, accessKey, secretKey));
    }
}

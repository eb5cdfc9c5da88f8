package io.annualreport.ingest.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import io.annualreport.ingest.blob.BlobStore;
import io.annualreport.ingest.blob.DirectoryBlobStore;

/** Chooses the blob store implementation from configuration. */
public class BlobStoreProducer {

    @Produces
    @ApplicationScoped
    BlobStore blobStore(IngestConfig config) {
        try {
            return new DirectoryBlobStore(Path.of(config.blobDir()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the blob directory " + config.blobDir(), e);
        }
    }
}

package io.annualreport.service.blob;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import io.annualreport.blob.BlobStore;
import io.annualreport.blob.BlobStores;

/** Makes the pipeline's blob store, built from {@link BlobConfig}, injectable in every service. */
public class BlobStoreProducer {

    @Produces
    @ApplicationScoped
    BlobStore blobStore(BlobConfig config) {
        return BlobStores.create(config.settings());
    }
}

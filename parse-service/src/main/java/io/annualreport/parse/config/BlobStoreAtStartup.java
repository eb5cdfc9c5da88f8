package io.annualreport.parse.config;

import jakarta.enterprise.event.Observes;

import io.annualreport.blob.BlobStore;
import io.quarkus.runtime.StartupEvent;

/**
 * Builds parse's blob store at start-up, so that a directory store never creates its directory later, during an outage
 * of the volume (a recreated empty directory would turn the outage into missing blobs).
 */
public class BlobStoreAtStartup {

    void onStart(@Observes StartupEvent event, BlobStore blobs) {
        blobs.available();
    }
}

package io.annualreport.ingest.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Receives upload bodies with Vert.x's multipart decoder (Netty's, which searches for the boundary a word at a time)
 * before Quarkus REST sees the request; Quarkus REST then takes the already stored files instead of running its own
 * byte-at-a-time multipart parser, which was the largest CPU cost of an upload.
 */
@ApplicationScoped
public class UploadBodyHandler {

    /** Before Quarkus REST's route (order 0 and up) so that the form is parsed once. */
    static final int ORDER = -100;

    private final String uploadsDirectory;
    private final long maxBodyBytes;

    public UploadBodyHandler(@ConfigProperty(name = "quarkus.http.body.uploads-directory") String uploadsDirectory,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.uploadsDirectory = uploadsDirectory;
        this.maxBodyBytes = maxBodySize.asLongValue();
    }

    void install(@Observes Router router) {
        router.post("/api/v1/reports").order(ORDER).handler(BodyHandler.create(uploadsDirectory)
                .setHandleFileUploads(true).setBodyLimit(maxBodyBytes).setDeleteUploadedFilesOnEnd(true)
                .setMergeFormAttributes(false));
    }
}

package io.annualreport.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.annualreport.ingest.blob.BlobStore;
import io.annualreport.ingest.config.IngestConfig;
import io.annualreport.ingest.messaging.SubmissionPublisher;
import io.annualreport.ingest.rest.IngestException;
import io.annualreport.ingest.rest.MediaTypeSniffer;
import io.annualreport.ingest.rest.UploadResult;
import io.annualreport.model.event.ReportIds;
import io.annualreport.model.event.ReportSubmittedEvent;
import io.quarkus.logging.Log;

/** Accepts uploaded files: checks them all, stores each durably, then publishes one event per file. */
@ApplicationScoped
public class Intake {

    private final IngestConfig config;
    private final BlobStore blobs;
    private final SubmissionPublisher publisher;
    private final MediaTypeSniffer sniffer = new MediaTypeSniffer();

    public Intake(IngestConfig config, BlobStore blobs, SubmissionPublisher publisher) {
        this.config = config;
        this.blobs = blobs;
        this.publisher = publisher;
    }

    /** A file as received, before any check. */
    public record Upload(Path file, String fileName) {
    }

    /**
     * Checks every file first (nothing is stored or published if one is refused), then stores and publishes each.
     */
    public UploadResult accept(List<Upload> uploads, String submitter, String agency, Integer year) {
        if (uploads.isEmpty()) {
            throw new IngestException(400, "NO_FILE",
                    "no file in the request: send one or more multipart fields 'file'");
        }
        List<Checked> checked = new ArrayList<>();
        for (Upload upload : uploads) {
            checked.add(check(upload));
        }
        List<UploadResult.Accepted> accepted = new ArrayList<>();
        for (Checked c : checked) {
            accepted.add(storeAndPublish(c, submitter, agency, year));
        }
        return new UploadResult(accepted);
    }

    private record Checked(Upload upload, String sha256, String mediaType, long size) {
    }

    private Checked check(Upload upload) {
        String name = safeName(upload.fileName());
        try {
            long size = Files.size(upload.file());
            if (size == 0) {
                throw new IngestException(400, "EMPTY_FILE", "the file '" + name + "' is empty");
            }
            if (size > config.maxFileBytes()) {
                throw new IngestException(413, "TOO_LARGE", "the file '" + name + "' has " + size
                        + " bytes; the limit is " + config.maxFileBytes());
            }
            String mediaType = sniffer.detect(upload.file(), name);
            if (!sniffer.isSupported(mediaType)) {
                throw new IngestException(415, "UNSUPPORTED_TYPE", "the file '" + name + "' is " + mediaType
                        + "; accepted are PDF, DOCX, DOC, WPS, HTML, TXT, Markdown and PNG/JPEG/TIFF scans");
            }
            return new Checked(new Upload(upload.file(), name), sha256(upload.file()), mediaType, size);
        } catch (IOException e) {
            throw new IngestException(400, "UNREADABLE_UPLOAD", "the upload of '" + name + "' could not be read");
        }
    }

    private UploadResult.Accepted storeAndPublish(Checked c, String submitter, String agency, Integer year) {
        String reportId = ReportIds.fromSha256(c.sha256());
        URI blob;
        try {
            blob = blobs.put(reportId, c.upload().file());
        } catch (IOException e) {
            Log.errorf(e, "reportId=%s blob store write failed", reportId);
            throw new IngestException(503, "BLOB_STORE_UNAVAILABLE", "the file could not be stored; try again", 10);
        }
        Instant now = Instant.now();
        ReportSubmittedEvent event = new ReportSubmittedEvent(UUID.randomUUID(), reportId, now,
                ReportSubmittedEvent.SCHEMA_VERSION, c.sha256(), c.upload().fileName(), c.mediaType(), c.size(),
                blob.toString(), submitter, agency, year, now);
        try {
            publisher.publish(event, config.publishTimeout());
        } catch (RuntimeException e) {
            Log.warnf("reportId=%s broker did not acknowledge the submission: %s", reportId, e.getMessage());
            throw new IngestException(503, "BROKER_UNAVAILABLE",
                    "the message broker is not reachable; the upload was not accepted, try again", 5);
        }
        Log.infof("reportId=%s accepted %s (%s, %d bytes) from %s", reportId, c.upload().fileName(), c.mediaType(),
                c.size(), submitter);
        String statusUrl = config.statusBaseUrl().replaceAll("/+$", "") + "/api/v1/reports/" + reportId;
        return new UploadResult.Accepted(reportId, c.upload().fileName(), c.sha256(), statusUrl);
    }

    /** Keeps the last path segment of a client-supplied name and drops control characters. */
    static String safeName(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            return "upload";
        }
        String name = fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        name = name.replaceAll("[\\p{Cntrl}]", "").strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            return "upload";
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file),
                MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

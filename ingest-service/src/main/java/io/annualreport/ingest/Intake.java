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

import io.annualreport.blob.BlobStore;
import io.annualreport.ingest.config.IngestConfig;
import io.annualreport.ingest.messaging.SubmissionPublisher;
import io.annualreport.ingest.rest.IngestException;
import io.annualreport.ingest.rest.MediaTypeSniffer;
import io.annualreport.ingest.rest.UploadResult;
import io.annualreport.model.event.ReportIds;
import io.annualreport.model.event.ReportSubmittedEvent;
import io.annualreport.observability.ReportMdc;
import io.quarkus.logging.Log;

/** Accepts uploaded files: checks them all, stores each durably, then publishes one event per file. */
@ApplicationScoped
public class Intake {

    private static final String ZIP = "application/zip";

    private final IngestConfig config;
    private final BlobStore blobs;
    private final SubmissionPublisher publisher;
    private final MediaTypeSniffer sniffer = new MediaTypeSniffer();
    private final IntakeMetrics metrics;
    private final ZipExpander zipExpander;

    public Intake(IngestConfig config, BlobStore blobs, SubmissionPublisher publisher, IntakeMetrics metrics) {
        this.config = config;
        this.blobs = blobs;
        this.publisher = publisher;
        this.metrics = metrics;
        this.zipExpander = new ZipExpander(config.maxFileBytes(), config.zip().maxEntries(),
                config.zip().maxTotalBytes(), config.zip().maxRatio());
    }

    /** A file as received, before any check. */
    public record Upload(Path file, String fileName) {
    }

    /**
     * Checks every file first, unpacking bulk zips into their entries (nothing is stored or published if one file or
     * entry is refused), then stores and publishes each.
     */
    public UploadResult accept(List<Upload> uploads, String submitter, String agency, Integer year) {
        if (uploads.isEmpty()) {
            throw new IngestException(400, "NO_FILE",
                    "no file in the request: send one or more multipart fields 'file'");
        }
        Path scratch = null;
        try {
            List<Checked> checked = new ArrayList<>();
            for (Upload upload : uploads) {
                String name = safeName(upload.fileName());
                String mediaType = detect(upload.file(), name);
                if (ZIP.equals(mediaType)) {
                    if (scratch == null) {
                        scratch = Files.createTempDirectory("ingest-zip");
                    }
                    Path dir = Files.createDirectory(scratch.resolve(Integer.toString(checked.size())));
                    for (Upload entry : zipExpander.expand(upload.file(), name, dir)) {
                        String entryName = safeName(entry.fileName());
                        checked.add(check(entry, detect(entry.file(), entryName), name));
                    }
                } else {
                    checked.add(check(upload, mediaType, null));
                }
            }
            List<UploadResult.Accepted> accepted = new ArrayList<>();
            for (Checked c : checked) {
                accepted.add(storeAndPublish(c, submitter, agency, year));
            }
            return new UploadResult(accepted);
        } catch (IOException e) {
            throw new IngestException(503, "SCRATCH_UNAVAILABLE", "the upload could not be unpacked; try again", 10);
        } finally {
            deleteQuietly(scratch);
        }
    }

    private record Checked(Upload upload, String sha256, String mediaType, long size) {
    }

    private String detect(Path file, String name) {
        try {
            return sniffer.detect(file, name);
        } catch (IOException e) {
            throw new IngestException(400, "UNREADABLE_UPLOAD", "the upload of '" + name + "' could not be read");
        }
    }

    /**
     * Checks one file of the detected {@code mediaType}; {@code archiveName} is the zip it came from, or null for a plain
     * upload.
     */
    private Checked check(Upload upload, String mediaType, String archiveName) {
        String name = safeName(upload.fileName());
        String label = archiveName == null
                ? "the file '" + name + "'"
                : "the entry '" + name + "' of the archive '" + archiveName + "'";
        try {
            long size = Files.size(upload.file());
            if (size == 0) {
                throw new IngestException(400, "EMPTY_FILE", label + " is empty");
            }
            if (size > config.maxFileBytes()) {
                throw new IngestException(413, "TOO_LARGE", label + " has " + size
                        + " bytes; the limit is " + config.maxFileBytes());
            }
            if (archiveName != null && MediaTypeSniffer.isArchive(mediaType)) {
                throw new IngestException(415, "ZIP_NESTED_ARCHIVE", label + " is itself an archive (" + mediaType
                        + "); nested archives are not accepted, unpack it first");
            }
            if (!sniffer.isSupported(mediaType)) {
                throw new IngestException(415, "UNSUPPORTED_TYPE", label + " is " + mediaType
                        + "; accepted are PDF, DOCX, DOC, WPS, HTML, TXT, Markdown, PNG/JPEG/TIFF scans"
                        + " and zips of these");
            }
            return new Checked(new Upload(upload.file(), name), sha256(upload.file()), mediaType, size);
        } catch (IOException e) {
            throw new IngestException(400, "UNREADABLE_UPLOAD", "the upload of " + label + " could not be read");
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            Log.warnf("cannot delete the scratch directory %s: %s", dir, e.getMessage());
        }
    }

    /**
     * Stores the blob durably (fsync or a completed S3 PUT), then publishes the event and waits for the broker's
     * acknowledgement (acks=all). A failure of either answers 503 with Retry-After and no event is left behind: the
     * producer's delivery timeout is shorter than the publish timeout, so a record that timed out is never sent later.
     * A blob stored without an event is harmless: the retried upload has the same bytes, hence the same report id and
     * blob key, and is stored again idempotently before its event is published.
     */
    private UploadResult.Accepted storeAndPublish(Checked c, String submitter, String agency, Integer year) {
        String reportId = ReportIds.fromSha256(c.sha256());
        ReportMdc.put(reportId);
        try {
            return storeAndPublish(c, submitter, agency, year, reportId);
        } finally {
            ReportMdc.clear();
        }
    }

    private UploadResult.Accepted storeAndPublish(Checked c, String submitter, String agency, Integer year,
            String reportId) {
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
        metrics.reportAccepted(c.size());
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

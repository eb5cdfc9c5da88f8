package io.annualreport.ingest.intake;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import io.annualreport.blob.BlobStore;
import io.annualreport.model.event.ReportIds;
import io.annualreport.model.event.ReportSubmittedEvent;

/**
 * Accepts uploaded files: checks them all, stores each durably, then submits one event per file.
 *
 * <p>
 * Every refusal is an {@link IntakeRefusedException} whose {@link IntakeRefusal} names the reason; nothing here knows
 * about HTTP.
 */
public class Intake {

    private static final Logger LOG = System.getLogger(Intake.class.getName());
    private static final String ZIP = "application/zip";

    private final IntakeLimits limits;
    private final String statusBaseUrl;
    private final BlobStore blobs;
    private final SubmissionSink submissions;
    private final MediaTypeSniffer sniffer = new MediaTypeSniffer();
    private final ZipExpander zipExpander;

    /**
     * @param limits the accepted sizes
     * @param statusBaseUrl base URL of store-service, for the status URL of each accepted report
     * @param blobs where the files are stored
     * @param submissions where the events of stored files go
     */
    public Intake(IntakeLimits limits, String statusBaseUrl, BlobStore blobs, SubmissionSink submissions) {
        this.limits = limits;
        this.statusBaseUrl = statusBaseUrl.replaceAll("/+$", "");
        this.blobs = blobs;
        this.submissions = submissions;
        this.zipExpander = new ZipExpander(limits.maxFileBytes(), limits.zipMaxEntries(), limits.zipMaxTotalBytes(),
                limits.zipMaxRatio());
    }

    /**
     * Checks every file first, unpacking bulk zips into their entries (nothing is stored or submitted if one file or
     * entry is refused), then stores and submits each.
     *
     * @throws IntakeRefusedException when a file is refused or cannot be stored or submitted
     */
    public UploadResult accept(List<Upload> uploads, Submission submission) {
        if (uploads.isEmpty()) {
            throw new IntakeRefusedException(IntakeRefusal.NO_FILE,
                    "no file in the request: send one or more multipart fields 'file'");
        }
        Path scratch = null;
        try {
            List<Checked> checked = new ArrayList<>();
            for (Upload upload : uploads) {
                Upload named = upload.withSafeName();
                String mediaType = detect(named);
                if (ZIP.equals(mediaType)) {
                    if (scratch == null) {
                        scratch = Files.createTempDirectory("ingest-zip");
                    }
                    Path dir = Files.createDirectory(scratch.resolve(Integer.toString(checked.size())));
                    for (Upload entry : zipExpander.expand(named.file(), named.fileName(), dir)) {
                        Upload namedEntry = entry.withSafeName();
                        checked.add(check(namedEntry, detect(namedEntry), named.fileName()));
                    }
                } else {
                    checked.add(check(named, mediaType, null));
                }
            }
            List<UploadResult.Accepted> accepted = new ArrayList<>();
            for (Checked c : checked) {
                accepted.add(storeAndSubmit(c, submission));
            }
            return new UploadResult(accepted);
        } catch (IOException e) {
            throw new IntakeRefusedException(IntakeRefusal.SCRATCH_UNAVAILABLE,
                    "the upload could not be unpacked; try again", e);
        } finally {
            deleteQuietly(scratch);
        }
    }

    private record Checked(Upload upload, String sha256, String mediaType, long size) {
    }

    private String detect(Upload upload) {
        try {
            return sniffer.detect(upload.file(), upload.fileName());
        } catch (IOException e) {
            throw new IntakeRefusedException(IntakeRefusal.UNREADABLE_UPLOAD,
                    "the upload of '" + upload.fileName() + "' could not be read", e);
        }
    }

    /**
     * Checks one file of the detected {@code mediaType}; {@code archiveName} is the zip it came from, or null for a plain
     * upload.
     */
    private Checked check(Upload upload, String mediaType, String archiveName) {
        String name = upload.fileName();
        String label = archiveName == null
                ? "the file '" + name + "'"
                : "the entry '" + name + "' of the archive '" + archiveName + "'";
        try {
            long size = Files.size(upload.file());
            if (size == 0) {
                throw new IntakeRefusedException(IntakeRefusal.EMPTY_FILE, label + " is empty");
            }
            if (size > limits.maxFileBytes()) {
                throw new IntakeRefusedException(IntakeRefusal.TOO_LARGE, label + " has " + size
                        + " bytes; the limit is " + limits.maxFileBytes());
            }
            if (archiveName != null && MediaTypeSniffer.isArchive(mediaType)) {
                throw new IntakeRefusedException(IntakeRefusal.ZIP_NESTED_ARCHIVE, label + " is itself an archive ("
                        + mediaType + "); nested archives are not accepted, unpack it first");
            }
            if (!sniffer.isSupported(mediaType)) {
                throw new IntakeRefusedException(IntakeRefusal.UNSUPPORTED_TYPE, label + " is " + mediaType
                        + "; accepted are PDF, DOCX, DOC, WPS, spreadsheets (ET, XLS, XLSX), HTML, TXT, Markdown,"
                        + " PNG/JPEG/TIFF scans"
                        + " and zips of these");
            }
            return new Checked(upload, sha256(upload.file()), mediaType, size);
        } catch (IOException e) {
            throw new IntakeRefusedException(IntakeRefusal.UNREADABLE_UPLOAD,
                    "the upload of " + label + " could not be read", e);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot delete the scratch directory {0}: {1}", dir, e.getMessage());
        }
    }

    /**
     * Stores the blob durably (fsync or a completed S3 PUT), then submits the event, which returns once the broker
     * acknowledged it (acks=all). A failure of either is a refusal to retry later, and no event is left behind: the
     * producer's delivery timeout is shorter than the submission's timeout, so a record that timed out is never sent
     * later. A blob stored without an event is harmless: the retried upload has the same bytes, hence the same report id
     * and blob key, and is stored again idempotently before its event is submitted.
     */
    private UploadResult.Accepted storeAndSubmit(Checked c, Submission submission) {
        String reportId = ReportIds.fromSha256(c.sha256());
        URI blob;
        try {
            blob = blobs.put(reportId, c.upload().file());
        } catch (IOException e) {
            LOG.log(Level.ERROR, "reportId=" + reportId + " blob store write failed", e);
            throw new IntakeRefusedException(IntakeRefusal.BLOB_STORE_UNAVAILABLE,
                    "the file could not be stored; try again", e);
        }
        Instant now = Instant.now();
        ReportSubmittedEvent event = new ReportSubmittedEvent(UUID.randomUUID(), reportId, now,
                ReportSubmittedEvent.SCHEMA_VERSION, c.sha256(), c.upload().fileName(), c.mediaType(), c.size(),
                blob.toString(), submission.submitter(), submission.agency(), submission.year(), now);
        try {
            submissions.submit(event);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "reportId={0} broker did not acknowledge the submission: {1}", reportId,
                    e.getMessage());
            throw new IntakeRefusedException(IntakeRefusal.BROKER_UNAVAILABLE,
                    "the message broker is not reachable; the upload was not accepted, try again", e);
        }
        LOG.log(Level.INFO, "reportId={0} accepted {1} ({2}, {3} bytes) from {4}", reportId, c.upload().fileName(),
                c.mediaType(), Long.toString(c.size()), submission.submitter());
        String statusUrl = statusBaseUrl + "/api/v1/reports/" + reportId;
        return new UploadResult.Accepted(reportId, c.upload().fileName(), c.sha256(), statusUrl);
    }

    private static String sha256(Path file) throws IOException {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file),
                MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

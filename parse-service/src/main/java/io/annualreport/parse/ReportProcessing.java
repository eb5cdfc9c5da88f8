package io.annualreport.parse;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

import io.annualreport.blob.BlobMissingException;
import io.annualreport.blob.BlobStore;
import io.annualreport.blob.LocalBlob;
import io.annualreport.extraction.ExtractionException;
import io.annualreport.extraction.TextExtractor;
import io.annualreport.model.document.ExtractedDocument;
import io.annualreport.model.event.EventIds;
import io.annualreport.model.event.FailureReason;
import io.annualreport.model.event.ReportEvent;
import io.annualreport.model.event.ReportFailedEvent;
import io.annualreport.model.event.ReportParsedEvent;
import io.annualreport.model.event.ReportSubmittedEvent;
import io.annualreport.model.report.ParsedReport;
import io.annualreport.parser.ParseHints;
import io.annualreport.parser.ReportParser;

/**
 * The parse stage as plain Java: fetch the claimed file, extract its text, read it into the canonical model. Every
 * outcome is an event; a broken file becomes a {@link ReportFailedEvent}, never an exception.
 */
public final class ReportProcessing {

    private final TextExtractor extractor;
    private final ReportParser parser;
    private final BlobStore blobs;

    public ReportProcessing(TextExtractor extractor, ReportParser parser, BlobStore blobs) {
        this.extractor = extractor;
        this.parser = parser;
        this.blobs = blobs;
    }

    /**
     * Processes one submission into either a parsed or a failed event.
     *
     * @throws BlobStoreUnavailableException when the blob store cannot be read for now: retry later
     */
    public ReportEvent process(ReportSubmittedEvent submitted) {
        if (submitted.blobUri() == null) {
            return failed(submitted, FailureReason.BLOB_MISSING, "the submission has no blob URI");
        }
        // a blob outside the configured store is refused (BlobOutsideStoreException), as is a malformed URI
        try (LocalBlob blob = blobs.fetch(URI.create(submitted.blobUri()))) {
            return process(submitted, blob.path());
        } catch (BlobMissingException e) {
            if (!blobs.available()) {
                throw new BlobStoreUnavailableException("the blob store is unavailable: " + e.getMessage(), e);
            }
            return failed(submitted, FailureReason.BLOB_MISSING, "the file is no longer in the blob store: "
                    + e.getMessage());
        } catch (IllegalArgumentException e) {
            return failed(submitted, FailureReason.BLOB_MISSING, "the blob cannot be fetched: " + e.getMessage());
        } catch (IOException e) {
            throw new BlobStoreUnavailableException("the blob store could not be read: " + e.getMessage(), e);
        }
    }

    private ReportEvent process(ReportSubmittedEvent submitted, Path file) {
        ExtractedDocument document;
        try {
            document = extractor.extract(file, submitted.fileName(), submitted.mediaType());
        } catch (ExtractionException e) {
            return failed(submitted, e.reason(), e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            return failed(submitted, FailureReason.CORRUPT, "the extractor could not read the file: " + e);
        }
        ParsedReport report;
        try {
            report = parser.parse(document,
                    new ParseHints(submitted.fileName(), submitted.declaredAgency(), submitted.declaredYear()));
        } catch (RuntimeException | StackOverflowError e) {
            return failed(submitted, FailureReason.INTERNAL, "the parser failed: " + e);
        }
        return new ReportParsedEvent(runId(submitted), submitted.reportId(), Instant.now(),
                ReportParsedEvent.SCHEMA_VERSION, ReportParser.VERSION, submitted.fileName(), submitted.sha256(),
                report);
    }

    private static ReportFailedEvent failed(ReportSubmittedEvent submitted, FailureReason reason, String message) {
        return new ReportFailedEvent(runId(submitted), submitted.reportId(), Instant.now(),
                ReportFailedEvent.SCHEMA_VERSION, ReportFailedEvent.Stage.PARSE, reason, message, 1);
    }

    /**
     * The id of this parser version's run on this submission, parsed or failed: a redelivered submission gets the
     * same id (a submission without an id, from an old producer, a random one).
     */
    private static UUID runId(ReportSubmittedEvent submitted) {
        return submitted.eventId() == null
                ? UUID.randomUUID()
                : EventIds.derived(submitted.eventId(), EventIds.PARSE, ReportParser.VERSION);
    }
}

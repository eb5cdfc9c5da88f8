package io.annualreport.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.annualreport.blob.BlobStoreSettings;
import io.annualreport.blob.BlobStores;
import io.annualreport.extraction.TikaTextExtractor;
import io.annualreport.model.GoldenEvents;
import io.annualreport.model.event.EventCodec;
import io.annualreport.model.event.FailureReason;
import io.annualreport.model.event.ReportEvent;
import io.annualreport.model.event.ReportFailedEvent;
import io.annualreport.model.event.ReportParsedEvent;
import io.annualreport.model.event.ReportSubmittedEvent;
import io.annualreport.parser.ReportParser;
import io.annualreport.testsupport.Samples;
import io.annualreport.testsupport.TestDirs;

class ReportProcessingTest {

    /** A directory store around the checkout (samples/, fixtures, target/tmp), where the claimed test files lie. */
    private final ReportProcessing processing = new ReportProcessing(new TikaTextExtractor(), new ReportParser(),
            BlobStores.create(BlobStoreSettings.directory(System.getProperty("project.root", ".."))));

    @Test
    void shouldReadTheGoldenSubmissionSample() {
        ReportSubmittedEvent event = EventCodec.decode(GoldenEvents.json(GoldenEvents.SUBMITTED),
                ReportSubmittedEvent.class);
        assertThat(event.reportId()).isEqualTo("0cd22d9d18d83273");
        assertThat(event.blobUri()).startsWith("file:");
    }

    @Test
    void shouldParseAClaimedSeedIntoIdentityAndSections() {
        // Given
        Path seed = Samples.file("seeds/004_b1f6640387f14e95.txt");
        // When
        ReportEvent outcome = processing.process(submission(seed, "004.txt", "text/plain"));
        // Then
        assertThat(outcome).isInstanceOf(ReportParsedEvent.class);
        ReportParsedEvent parsed = (ReportParsedEvent) outcome;
        assertThat(parsed.report().identity().year()).isEqualTo(2024);
        assertThat(parsed.report().sections()).hasSize(6);
        assertThat(parsed.parserVersion()).isEqualTo(ReportParser.VERSION);
    }

    @Test
    void shouldReportAMissingBlobAsAFailureOfThatReport() {
        ReportEvent outcome = processing.process(submission(Path.of("/nonexistent/blob"), "x.pdf", "application/pdf"));
        assertThat(outcome).isInstanceOf(ReportFailedEvent.class);
        assertThat(((ReportFailedEvent) outcome).reason()).isEqualTo(FailureReason.BLOB_MISSING);
        assertThat(((ReportFailedEvent) outcome).stage()).isEqualTo(ReportFailedEvent.Stage.PARSE);
    }

    @Test
    void shouldReportATruncatedPdfAsCorrupt() throws Exception {
        // Given: the first 3 KB of a real PDF
        byte[] pdf = Files.readAllBytes(Samples.file("real/szfgs2024.pdf"));
        Path truncated = Files.write(TestDirs.fresh("truncated").resolve("t.pdf"),
                java.util.Arrays.copyOf(pdf, 3000));
        // When
        ReportEvent outcome = processing.process(submission(truncated, "t.pdf", "application/pdf"));
        // Then
        assertThat(outcome).isInstanceOf(ReportFailedEvent.class);
        assertThat(((ReportFailedEvent) outcome).reason()).isIn(FailureReason.CORRUPT, FailureReason.NO_TEXT);
    }

    static ReportSubmittedEvent submission(Path file, String name, String mediaType) {
        return new ReportSubmittedEvent(UUID.randomUUID(), "00000000000000aa", Instant.now(), 1,
                "00000000000000aa" + "0".repeat(48), name, mediaType, 1, file.toUri().toString(), "test", null, null,
                Instant.now());
    }
}

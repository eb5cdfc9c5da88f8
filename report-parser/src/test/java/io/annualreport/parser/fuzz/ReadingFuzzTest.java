package io.annualreport.parser.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.AfterAll;

import com.code_intelligence.jazzer.junit.FuzzTest;

import io.annualreport.extraction.ExtractionException;
import io.annualreport.extraction.ExtractionLimits;
import io.annualreport.extraction.Glyph;
import io.annualreport.extraction.OcrEngine;
import io.annualreport.extraction.TikaTextExtractor;
import io.annualreport.model.document.ExtractedDocument;
import io.annualreport.model.report.ParsedReport;
import io.annualreport.parser.ParseHints;
import io.annualreport.parser.ReportParser;

/**
 * The fuzz tier of extraction and parsing: any bytes submitted as a PDF, DOCX, DOC, HTML or text file, and any text
 * handed to the parser, end as a parsed report or as an {@link ExtractionException} (the clear failure of one
 * report), never another exception, a hang or an out-of-memory error. Without {@code JAZZER_FUZZ=1} (the default
 * build) each method only replays its seeds in {@code ReadingFuzzTestInputs/<method>} and every input a fuzz run
 * found; {@code -Pfuzz} fuzzes the one method chosen with {@code -Dtest} (DEV_GUIDE, docs/reliability.md).
 */
class ReadingFuzzTest {

    /** A generous bound: far above what any seed takes, so that only a hang reaches it. */
    private static final Duration HANG = Duration.ofSeconds(60);

    /** OCR stands in as an engine that reads no word: Tesseract is a separate process, not fuzzed here. */
    private static final OcrEngine NO_OCR = new OcrEngine() {
        @Override
        public boolean available() {
            return true;
        }

        @Override
        public String describe() {
            return "no OCR (fuzzing)";
        }

        @Override
        public List<Glyph> read(BufferedImage image, float dpi, Duration budget) {
            return List.of();
        }
    };

    private static final TikaTextExtractor EXTRACTOR = new TikaTextExtractor(
            ExtractionLimits.DEFAULT.withDocumentBudget(Duration.ofSeconds(20)).withMaxBytes(10L * 1024 * 1024),
            NO_OCR);
    private static final ReportParser PARSER = new ReportParser();
    private static final ExecutorService PARSING = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "fuzz-parse");
        thread.setDaemon(true);
        return thread;
    });

    @AfterAll
    static void stop() {
        PARSING.shutdownNow();
    }

    @FuzzTest
    void pdf(byte[] bytes) throws Exception {
        shouldReadOrRefuse(bytes, "report.pdf", "application/pdf");
    }

    @FuzzTest
    void docx(byte[] bytes) throws Exception {
        shouldReadOrRefuse(bytes, "report.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    }

    @FuzzTest
    void doc(byte[] bytes) throws Exception {
        shouldReadOrRefuse(bytes, "report.doc", "application/msword");
    }

    @FuzzTest
    void html(byte[] bytes) throws Exception {
        shouldReadOrRefuse(bytes, "report.html", "text/html");
    }

    @FuzzTest
    void text(byte[] bytes) throws Exception {
        shouldReadOrRefuse(bytes, "report.txt", "text/plain");
    }

    @FuzzTest
    void parser(byte[] bytes) throws Exception {
        // Given
        String text = new String(bytes, StandardCharsets.UTF_8);
        ExtractedDocument document = new ExtractedDocument(text, List.of(), List.of(), null, List.of());

        // When
        ParsedReport report = parseWithin(document);

        // Then
        assertThat(report).isNotNull();
        assertThat(report.sections()).isNotNull();
        assertThat(report.cells()).isNotNull();
    }

    private static void shouldReadOrRefuse(byte[] bytes, String fileName, String mediaType) throws Exception {
        // Given
        Path file = Files.createTempFile("fuzz-", "-" + fileName);
        try {
            Files.write(file, bytes);
            ExtractedDocument document;
            try {
                // When
                document = EXTRACTOR.extract(file, fileName, mediaType);
            } catch (ExtractionException refused) {
                // Then: the clear failure of one report, with its reason and message
                assertThat(refused.reason()).isNotNull();
                assertThat(refused.getMessage()).isNotBlank();
                return;
            }
            // Then
            assertThat(document).isNotNull();
            assertThat(parseWithin(document)).isNotNull();
        } finally {
            delete(file);
        }
    }

    private static ParsedReport parseWithin(ExtractedDocument document) throws Exception {
        Future<ParsedReport> parsing = PARSING.submit(() -> PARSER.parse(document, ParseHints.none()));
        try {
            return parsing.get(HANG.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            parsing.cancel(true);
            throw new AssertionError("the parser did not finish within " + HANG.toSeconds() + " s", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw (Error) e.getCause();
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temporary file below target/tmp; the next build removes it
        }
    }
}

package io.annualreport.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.annualreport.extraction.ExtractionException;
import io.annualreport.extraction.TikaTextExtractor;
import io.annualreport.model.document.ExtractedDocument;

/**
 * Turns a rendered report into what the parser receives in parse-service: the text itself for TEXT and MARKDOWN, and
 * for HTML and DOCX the result of TikaTextExtractor on the file, written to a scratch folder that is removed on close.
 */
final class RenderedFiles implements AutoCloseable {

    private final TikaTextExtractor extractor = new TikaTextExtractor();
    private final Path folder;

    RenderedFiles() {
        try {
            folder = Files.createTempDirectory("rendered-reports");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The extracted document of a rendered file; safe to call from several threads with different names. */
    ExtractedDocument extract(byte[] rendered, Format format, String name) throws ExtractionException {
        return switch (format) {
            case TEXT, MARKDOWN -> new ExtractedDocument(new String(rendered, StandardCharsets.UTF_8), List.of(),
                    List.of(), null);
            case HTML -> extractFile(rendered, name + ".html", "text/html");
            case DOCX -> extractFile(rendered, name + ".docx",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        };
    }

    private ExtractedDocument extractFile(byte[] rendered, String fileName, String mediaType)
            throws ExtractionException {
        Path file = folder.resolve(fileName);
        try {
            Files.write(file, rendered);
            ExtractedDocument document = extractor.extract(file, fileName, mediaType);
            Files.delete(file);
            return document;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.annualreport.extraction;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;

import io.annualreport.model.document.ExtractedDocument;
import io.annualreport.model.event.FailureReason;
import io.annualreport.model.report.Extraction;
import io.annualreport.model.report.ExtractionMethod;

/** Text extraction with Apache Tika's auto-detecting parser; thread-safe, create one per service. */
public final class TikaTextExtractor implements TextExtractor {

    private static final int MAX_CHARACTERS = 5_000_000;

    private final AutoDetectParser parser = new AutoDetectParser();

    @Override
    public ExtractedDocument extract(Path file, String fileName, String declaredMediaType)
            throws ExtractionException {
        long started = System.nanoTime();
        Metadata metadata = new Metadata();
        if (fileName != null) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        }
        BodyContentHandler handler = new BodyContentHandler(MAX_CHARACTERS);
        try (InputStream in = Files.newInputStream(file)) {
            parser.parse(in, handler, metadata, new ParseContext());
        } catch (EncryptedDocumentException e) {
            throw new ExtractionException(FailureReason.ENCRYPTED, "the file is password protected", e);
        } catch (WriteLimitReachedException e) {
            throw new ExtractionException(FailureReason.TOO_LARGE, "more than " + MAX_CHARACTERS + " characters", e);
        } catch (TikaException | org.xml.sax.SAXException e) {
            throw new ExtractionException(FailureReason.CORRUPT, "cannot read the file: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ExtractionException(FailureReason.CORRUPT, "cannot read the file: " + e.getMessage(), e);
        }
        String text = handler.toString();
        if (text.isBlank()) {
            throw new ExtractionException(FailureReason.NO_TEXT, "no text in the file");
        }
        String mediaType = metadata.get(Metadata.CONTENT_TYPE);
        ExtractionMethod method = mediaType != null && mediaType.startsWith("application/pdf")
                ? ExtractionMethod.TEXT_LAYER
                : mediaType != null && mediaType.startsWith("text/plain")
                        ? ExtractionMethod.PLAIN_TEXT
                        : ExtractionMethod.STRUCTURED_MARKUP;
        long millis = (System.nanoTime() - started) / 1_000_000;
        Extraction extraction = new Extraction(mediaType, method, pages(metadata), text.length(), millis, List.of(),
                List.of());
        return new ExtractedDocument(text, List.of(), List.of(), extraction);
    }

    private static int pages(Metadata metadata) {
        String pages = metadata.get("xmpTPg:NPages");
        try {
            return pages == null ? 1 : Integer.parseInt(pages);
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}

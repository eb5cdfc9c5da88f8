package io.annualreport.extraction;

import java.nio.file.Path;

import io.annualreport.model.document.ExtractedDocument;

/** Turns one submitted file into text, positioned lines and tables; the first half of parse-service. */
public interface TextExtractor {

    /**
     * Extracts a file.
     *
     * @param file the file on local disk
     * @param fileName the name it was submitted under (a hint only; the content decides the type)
     * @param declaredMediaType the type ingest sniffed, or null
     * @throws ExtractionException when the file cannot be read; its reason says why
     */
    ExtractedDocument extract(Path file, String fileName, String declaredMediaType) throws ExtractionException;
}

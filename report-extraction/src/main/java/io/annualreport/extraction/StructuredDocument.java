package io.annualreport.extraction;

import java.util.List;

import io.annualreport.model.document.ExtractedDocument;
import io.annualreport.model.document.TableGrid;
import io.annualreport.model.event.FailureReason;
import io.annualreport.model.report.Extraction;
import io.annualreport.model.report.ExtractionMethod;

/** The result of the Office readers (DOCX, DOC, spreadsheets): their text and table grids, or NO_TEXT when empty. */
final class StructuredDocument {

    private StructuredDocument() {
    }

    /**
     * The extracted document of one Office file.
     *
     * @param kind how the file is named in the failure when it holds no text ("DOCX", "spreadsheet", …)
     */
    static ExtractedDocument of(CharSequence text, List<TableGrid> tables, String mediaType, long started, String kind)
            throws ExtractionException {
        String content = text.toString();
        if (content.isBlank()) {
            throw new ExtractionException(FailureReason.NO_TEXT, "no text in the " + kind);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        Extraction extraction = new Extraction(mediaType, ExtractionMethod.STRUCTURED_MARKUP, 1, content.length(),
                millis, List.of(), List.of());
        return new ExtractedDocument(content, List.of(), List.copyOf(tables), extraction);
    }
}

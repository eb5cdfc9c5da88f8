package io.annualreport.model.report;

/** The way text came out of a file or a page. */
public enum ExtractionMethod {
    /** Plain text or Markdown read as is. */
    PLAIN_TEXT,
    /** Markup with table structure: HTML, DOCX, DOC. */
    STRUCTURED_MARKUP,
    /** The text layer of a born-digital PDF. */
    TEXT_LAYER,
    /** Tesseract OCR of a rendered page or an image. */
    OCR
}

/**
 * Text extraction, the first half of parse-service: {@link io.annualreport.extraction.TikaTextExtractor} turns one file
 * into an {@link io.annualreport.model.document.ExtractedDocument} or fails with an
 * {@link io.annualreport.extraction.ExtractionException} whose reason goes onto {@code reports.failed}.
 *
 * <p>
 * What the parser can rely on in {@code ExtractedDocument.text()} (the original text; normalise with
 * {@link io.annualreport.model.text.TextFolding} for matching only):
 * <ul>
 * <li>PDF: one visual row per line, pages in order, no page separators (each {@code TextLine} has its page). Within a
 * row, runs are separated by a tab; a new run starts at a table border drawn between two glyphs or at a gap wider than
 * about half an em, so table cells are tab-separated and empty cells simply have no run (use the runs' x positions to
 * place them in columns). A cell label that wraps inside its cell spans several rows, and a row's numbers sit on the
 * visual row of the cell's vertical middle, which can be a row without a label.</li>
 * <li>OCR pages: the same shape, rows rebuilt from the OCR word boxes (PP-OCR text, Tesseract numbers); expect
 * misread characters.</li>
 * <li>DOCX, DOC, HTML: one paragraph per line; one table row per line with the row's own cells separated by tabs (a
 * spanning cell once). {@code tables()} holds the same tables as full grids, spanning cells repeated into every
 * position they cover, with each table's offset in the text.</li>
 * <li>TXT and Markdown: the file's text as is, line breaks unified to {@code \n}.</li>
 * </ul>
 */
package io.annualreport.extraction;

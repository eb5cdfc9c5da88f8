package io.annualreport.model.document;

import java.util.List;

import io.annualreport.model.report.Extraction;

/**
 * What text extraction hands to the report parser: the full text, visual lines with positions (PDF), and real table
 * structure (DOCX, DOC, HTML), plus how it was all obtained.
 *
 * @param text the original extracted text, one visual row per line for PDFs
 * @param lines the same text as positioned lines; empty for formats without layout
 * @param tables tables with rows and cells (rowspan and colspan expanded), in document order; empty for PDF and text
 */
public record ExtractedDocument(String text, List<TextLine> lines, List<TableGrid> tables, Extraction extraction) {
}

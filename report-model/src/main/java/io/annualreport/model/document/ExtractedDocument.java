package io.annualreport.model.document;

import java.util.List;

import io.annualreport.model.report.Extraction;

/**
 * What text extraction hands to the report parser: the full text, visual lines with positions (PDF), and real table
 * structure (DOCX, DOC, HTML), plus how it was all obtained and whether the file itself was damaged.
 *
 * @param text the original extracted text, one visual row per line for PDFs
 * @param lines the same text as positioned lines; empty for formats without layout
 * @param tables tables with rows and cells (rowspan and colspan expanded), in document order; empty for PDF and text
 * @param damage what the extractor found wrong with the file while still reading part of it (e.g.
 *        {@code DAMAGED_FILE: 文件不完整（缺少文件尾），仅读出 2 页}); empty for a sound file
 */
public record ExtractedDocument(String text, List<TextLine> lines, List<TableGrid> tables, Extraction extraction,
        List<String> damage) {

    public ExtractedDocument {
        damage = damage == null ? List.of() : List.copyOf(damage);
    }

    /** A document read from a sound file. */
    public ExtractedDocument(String text, List<TextLine> lines, List<TableGrid> tables, Extraction extraction) {
        this(text, lines, tables, extraction, List.of());
    }

    /** Whether the extractor read the whole file (no damage found). */
    public boolean complete() {
        return damage.isEmpty();
    }
}

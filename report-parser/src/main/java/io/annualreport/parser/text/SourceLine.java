package io.annualreport.parser.text;

import java.util.List;

import io.annualreport.model.document.TextLine;
import io.annualreport.model.text.TextFolding;

/**
 * One line the parser reads: a line of the extracted text, or a row of a markup table.
 *
 * @param index 0-based line of the extracted text (for a table row: the line the table starts at, or -1)
 * @param raw the text as extracted
 * @param norm the matching form of {@code raw} (see {@link TextFolding})
 * @param compact the matching form without whitespace
 * @param page 1-based page where known
 * @param cells the cells of a markup table row; null for a text line
 * @param runs the positioned runs of a PDF visual row; null where extraction gave none
 */
public record SourceLine(int index, String raw, String norm, String compact, Integer page, List<String> cells,
        List<TextLine.TextRun> runs) {

    /** A line whose matching forms are computed from its raw text. */
    public static SourceLine of(int index, String raw, Integer page, List<String> cells) {
        return of(index, raw, page, cells, null);
    }

    /** A line with the positioned text runs extraction found for it. */
    public static SourceLine of(int index, String raw, Integer page, List<String> cells, List<TextLine.TextRun> runs) {
        String norm = TextFolding.normalize(raw);
        return new SourceLine(index, raw, norm, TextFolding.compact(norm), page, cells, runs);
    }
}

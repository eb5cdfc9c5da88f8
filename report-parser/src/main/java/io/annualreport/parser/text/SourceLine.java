package io.annualreport.parser.text;

import java.util.List;

/**
 * One line the parser reads: a line of the extracted text, or a row of a markup table.
 *
 * @param index 0-based line of the extracted text (for a table row: the line the table starts at, or -1)
 * @param raw the text as extracted
 * @param norm the matching form of {@code raw} (see {@link TextNormalizer})
 * @param page 1-based page where known
 * @param cells the cells of a markup table row; null for a text line
 */
public record SourceLine(int index, String raw, String norm, Integer page, List<String> cells) {

    /** The matching form without whitespace. */
    public String compact() {
        return TextNormalizer.compact(norm);
    }
}

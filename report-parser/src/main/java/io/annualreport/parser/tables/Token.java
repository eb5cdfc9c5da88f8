package io.annualreport.parser.tables;

/**
 * One piece of a table line: label text, or a cell value (possibly blank), with the source line it came from.
 *
 * @param text the label text in matching form; null for values
 * @param value the cell value; null for labels
 * @param line 0-based index of the source line
 * @param x horizontal centre on the page, in points, where extraction gave positions; otherwise null
 */
public record Token(String text, CellValue value, int line, Float x) {

    /** A token without a position. */
    public Token(String text, CellValue value, int line) {
        this(text, value, line, null);
    }

    /** Whether this token is label text. */
    public boolean isLabel() {
        return value == null;
    }
}

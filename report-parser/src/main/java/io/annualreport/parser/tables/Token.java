package io.annualreport.parser.tables;

/**
 * One piece of a table line: label text, or a cell value (possibly blank), with the source line it came from.
 *
 * @param text the label text in matching form; null for values
 * @param value the cell value; null for labels
 * @param line 0-based index of the source line
 */
public record Token(String text, CellValue value, int line) {

    /** Whether this token is label text. */
    public boolean isLabel() {
        return value == null;
    }
}

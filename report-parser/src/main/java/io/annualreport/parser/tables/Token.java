package io.annualreport.parser.tables;

/**
 * One piece of a table line: label text, or a cell value (possibly blank), with the source line it came from.
 *
 * @param text the label text in matching form; null for values
 * @param value the cell value; null for labels
 * @param line 0-based index of the source line
 * @param x horizontal centre on the page, in points, where extraction gave positions; otherwise null
 * @param confidence the OCR confidence (0 to 100) of the characters the token was read from; null when the text was
 *        not recognised from an image
 */
public record Token(String text, CellValue value, int line, Float x, Float confidence) {

    /** A token read without OCR. */
    public Token(String text, CellValue value, int line, Float x) {
        this(text, value, line, x, null);
    }

    /** A token without a position, read without OCR. */
    public Token(String text, CellValue value, int line) {
        this(text, value, line, null, null);
    }

    /** Whether this token is label text. */
    public boolean isLabel() {
        return value == null;
    }

    /** The same token with the OCR confidence it was read with. */
    Token withConfidence(Float ocrConfidence) {
        return new Token(text, value, line, x, ocrConfidence);
    }
}

package io.annualreport.model.document;

import java.util.List;

/**
 * One visual row of a page, text in position order, with the x position of each run so empty cells and columns are
 * not lost.
 *
 * @param page 1-based page number
 * @param y the baseline of the row on the page, in points from the top
 */
public record TextLine(int page, float y, String text, List<TextRun> runs) {

    /**
     * The run OCR gives a table cell that holds a number's ink it could not read ("□", as in transcriptions of an
     * illegible character): it keeps the cell's place in its row, and the parser reads it as a doubtful cell, never a
     * blank.
     */
    public static final String ILLEGIBLE = "□";

    /**
     * A contiguous piece of text on a line and where it starts and ends horizontally, in points.
     *
     * @param confidence for text read by OCR, the lowest word confidence in the run (0 to 100); null for text that was
     *        not recognised from an image (a PDF text layer, markup)
     */
    public record TextRun(float x, float endX, String text, Float confidence) {

        /** A run of text that was not read by OCR. */
        public TextRun(float x, float endX, String text) {
            this(x, endX, text, null);
        }
    }
}

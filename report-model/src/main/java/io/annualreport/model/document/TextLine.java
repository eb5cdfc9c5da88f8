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

    /** A contiguous piece of text on a line and where it starts and ends horizontally, in points. */
    public record TextRun(float x, float endX, String text) {
    }
}

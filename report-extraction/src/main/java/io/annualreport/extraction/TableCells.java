package io.annualreport.extraction;

import java.awt.Rectangle;
import java.util.Optional;

/**
 * The table borders found on a page image (pixel masks of its horizontal and vertical rulings), to find the cell
 * that encloses a point: the box bounded by the nearest border on each of its four sides.
 */
public final class TableCells {

    /** No table on the page. */
    static final TableCells NONE = new TableCells(new boolean[0], new boolean[0], 0, 0);

    /** Pixels between a border and the cell's content that are left out of the cell (the eraser's margin). */
    private static final int BORDER_MARGIN = 3;
    /** A cell smaller than this (pixels) on either side is a gap between double borders, not a cell. */
    private static final int MIN_SIDE = 12;

    private final boolean[] horizontal;
    private final boolean[] vertical;
    private final int width;
    private final int height;

    TableCells(boolean[] horizontal, boolean[] vertical, int width, int height) {
        this.horizontal = horizontal;
        this.vertical = vertical;
        this.width = width;
        this.height = height;
    }

    /**
     * The inside of the table cell around a pixel, borders and margin excluded; empty where a border is missing on
     * some side (text outside any table) or where the box would cover a quarter of the page or more.
     */
    Optional<Rectangle> cellAround(int x, int y) {
        if (x < 0 || y < 0 || x >= width || y >= height || vertical[y * width + x] || horizontal[y * width + x]) {
            return Optional.empty();
        }
        int left = x;
        while (left >= 0 && !vertical[y * width + left]) {
            left--;
        }
        int right = x;
        while (right < width && !vertical[y * width + right]) {
            right++;
        }
        int top = y;
        while (top >= 0 && !horizontal[top * width + x]) {
            top--;
        }
        int bottom = y;
        while (bottom < height && !horizontal[bottom * width + x]) {
            bottom++;
        }
        if (left < 0 || top < 0 || right >= width || bottom >= height) {
            return Optional.empty();
        }
        Rectangle cell = new Rectangle(left + BORDER_MARGIN, top + BORDER_MARGIN,
                right - left - 2 * BORDER_MARGIN, bottom - top - 2 * BORDER_MARGIN);
        if (cell.width < MIN_SIDE || cell.height < MIN_SIDE
                || (long) cell.width * cell.height * 4 >= (long) width * height) {
            return Optional.empty();
        }
        return Optional.of(cell);
    }
}

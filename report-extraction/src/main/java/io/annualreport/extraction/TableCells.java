package io.annualreport.extraction;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
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
    /** A region filling less of its bounding box than this is not one cell. */
    private static final double RECTANGULAR = 0.9;

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

    /**
     * Every cell of the grid: the regions enclosed by borders on all sides (found by labelling the page between the
     * border masks), inside their borders and margin, that are nearly rectangular (a region that a broken border
     * joined to its neighbour is left out, its text read with the page), not a gap between double borders and under
     * a quarter of the page; in reading order.
     */
    List<Rectangle> all() {
        List<Rectangle> cells = new ArrayList<>();
        if (width == 0) {
            return cells;
        }
        // Only the box around the borders is labelled: outside it lies no border, so a region reaching the box's
        // edge reaches the page's edge too, and the page's margins need no labelling.
        int[] box = {width, height, -1, -1};
        for (int y = 0; y < height; y++) {
            for (int x = 0, i = y * width; x < width; x++, i++) {
                if (horizontal[i] || vertical[i]) {
                    box[0] = Math.min(box[0], x);
                    box[1] = Math.min(box[1], y);
                    box[2] = Math.max(box[2], x);
                    box[3] = y;
                }
            }
        }
        if (box[2] < 0) {
            return cells;
        }
        boolean[] seen = new boolean[width * height];
        int[] stack = new int[Math.max(1024, width * 4)];
        for (int start = box[1] * width + box[0]; start <= box[3] * width + box[2]; start++) {
            int startX = start % width;
            if (startX < box[0] || startX > box[2] || seen[start] || horizontal[start] || vertical[start]) {
                continue;
            }
            int minX = width;
            int minY = height;
            int maxX = -1;
            int maxY = -1;
            long area = 0;
            boolean touchesEdge = false;
            int top = 0;
            stack[top++] = start;
            seen[start] = true;
            while (top > 0) {
                int i = stack[--top];
                int y = i / width;
                int x = i - y * width;
                area++;
                minX = Math.min(minX, x);
                maxX = Math.max(maxX, x);
                minY = Math.min(minY, y);
                maxY = Math.max(maxY, y);
                if (x == box[0] || y == box[1] || x == box[2] || y == box[3]) {
                    touchesEdge = true;
                }
                if (top + 4 >= stack.length) {
                    stack = java.util.Arrays.copyOf(stack, stack.length * 2);
                }
                if (x > box[0] && open(i - 1, seen)) {
                    seen[i - 1] = true;
                    stack[top++] = i - 1;
                }
                if (x < box[2] && open(i + 1, seen)) {
                    seen[i + 1] = true;
                    stack[top++] = i + 1;
                }
                if (y > box[1] && open(i - width, seen)) {
                    seen[i - width] = true;
                    stack[top++] = i - width;
                }
                if (y < box[3] && open(i + width, seen)) {
                    seen[i + width] = true;
                    stack[top++] = i + width;
                }
            }
            if (touchesEdge) {
                continue;
            }
            long bounds = (long) (maxX - minX + 1) * (maxY - minY + 1);
            Rectangle cell = new Rectangle(minX + BORDER_MARGIN, minY + BORDER_MARGIN,
                    maxX - minX + 1 - 2 * BORDER_MARGIN, maxY - minY + 1 - 2 * BORDER_MARGIN);
            if (area >= RECTANGULAR * bounds && cell.width >= MIN_SIDE && cell.height >= MIN_SIDE
                    && (long) cell.width * cell.height * 4 < (long) width * height) {
                cells.add(cell);
            }
        }
        cells.sort((a, b) -> a.y != b.y ? Integer.compare(a.y, b.y) : Integer.compare(a.x, b.x));
        return cells;
    }

    private boolean open(int i, boolean[] seen) {
        return !seen[i] && !horizontal[i] && !vertical[i];
    }
}

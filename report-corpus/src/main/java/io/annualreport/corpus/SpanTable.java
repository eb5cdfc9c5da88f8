package io.annualreport.corpus;

import java.util.ArrayList;
import java.util.List;

/**
 * A table in the official layout: rows of cells with rowspan and colspan, covered grid positions left out, as HTML
 * writes it.
 */
record SpanTable(int width, List<Row> rows) {

    /** A cell and the grid area it covers. */
    record Cell(String text, int rowspan, int colspan) {

        static Cell of(String text) {
            return new Cell(text, 1, 1);
        }
    }

    /**
     * One row of the table.
     *
     * @param rowKey the canonical row key for data rows, null for header rows
     * @param labelCells how many of the cells are labels (the rest are values)
     */
    record Row(List<Cell> cells, String rowKey, int labelCells) {
    }

    /**
     * A grid position after span expansion.
     *
     * @param rowOffset how far below the top of its spanning cell this position is
     * @param colOffset how far right of the left of its spanning cell this position is
     */
    record Slot(String text, int rowOffset, int colOffset, int rowspan, int colspan) {

        boolean covered() {
            return rowOffset > 0 || colOffset > 0;
        }
    }

    /** The table with every grid position filled: a spanning cell's text at its top-left, covered positions blank. */
    List<List<Slot>> expand() {
        Slot[][] grid = new Slot[rows.size()][width];
        for (int r = 0; r < rows.size(); r++) {
            int c = 0;
            for (Cell cell : rows.get(r).cells()) {
                while (c < width && grid[r][c] != null) {
                    c++;
                }
                for (int dr = 0; dr < cell.rowspan(); dr++) {
                    for (int dc = 0; dc < cell.colspan(); dc++) {
                        boolean origin = dr == 0 && dc == 0;
                        grid[r + dr][c + dc] = new Slot(origin ? cell.text() : "", dr, dc, cell.rowspan(),
                                cell.colspan());
                    }
                }
                c += cell.colspan();
            }
        }
        List<List<Slot>> out = new ArrayList<>();
        for (Slot[] row : grid) {
            List<Slot> slots = new ArrayList<>();
            for (Slot slot : row) {
                slots.add(slot == null ? new Slot("", 0, 0, 1, 1) : slot);
            }
            out.add(slots);
        }
        return out;
    }
}

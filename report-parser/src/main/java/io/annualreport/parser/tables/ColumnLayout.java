package io.annualreport.parser.tables;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.annualreport.model.report.CellSemantic;

/**
 * Where the value columns of a table sit, learnt from the rows that print every cell: horizontal positions in a PDF,
 * cell indexes in markup or tab-separated rows. Lets a row with blank cells be placed by the positions of its printed
 * values instead of being left unread.
 */
final class ColumnLayout {

    private final float[] centres;
    private final float tolerance;
    private final boolean byCell;
    /** Whether the complete rows of cells start at different cell indexes (rows printed without leading cells). */
    private final boolean ragged;

    private ColumnLayout(float[] centres, boolean byCell, boolean ragged) {
        this.centres = centres;
        this.byCell = byCell;
        this.ragged = ragged;
        float gap = Float.MAX_VALUE;
        for (int i = 1; i < centres.length; i++) {
            gap = Math.min(gap, centres[i] - centres[i - 1]);
        }
        this.tolerance = gap / 2;
    }

    /** The layout of {@code columns} columns, or null when no complete row has positions. */
    static ColumnLayout learn(List<Block> blocks, int columns) {
        List<float[]> rows = new ArrayList<>();
        boolean byCell = false;
        for (Block block : blocks) {
            List<Token> printed = printed(block.values());
            if (printed.size() == columns && printed.stream().allMatch(t -> t.x() != null)
                    && !blankAmongPrinted(block.values())) {
                float[] xs = new float[columns];
                for (int c = 0; c < columns; c++) {
                    xs[c] = printed.get(c).x();
                }
                rows.add(xs);
                byCell |= block.positional();
            }
        }
        if (rows.isEmpty()) {
            return null;
        }
        boolean ragged = byCell && rows.stream().anyMatch(xs -> xs[0] != rows.get(0)[0]);
        float[] centres = new float[columns];
        for (int c = 0; c < columns; c++) {
            float[] column = new float[rows.size()];
            for (int r = 0; r < rows.size(); r++) {
                column[r] = rows.get(r)[c];
            }
            Arrays.sort(column);
            centres[c] = column[column.length / 2];
        }
        for (int c = 1; c < columns; c++) {
            if (centres[c] <= centres[c - 1]) {
                return null;
            }
        }
        return new ColumnLayout(centres, byCell, ragged);
    }

    /** Whether the columns are cell indexes of rows of cells (markup, tab or pipe), not positions on a page. */
    boolean byCell() {
        return byCell;
    }

    /**
     * The layout of a table of positional rows (markup or tab-separated cells) none of which prints every cell: the
     * last {@code columns} cells of the width most rows have. Null when the rows are not positional.
     */
    static ColumnLayout lastCells(List<Block> blocks, int columns) {
        java.util.Map<Integer, Integer> widths = new java.util.HashMap<>();
        for (Block block : blocks) {
            if (!block.positional() || block.values().isEmpty()) {
                continue;
            }
            Float last = block.values().get(block.values().size() - 1).x();
            if (last != null) {
                widths.merge(Math.round(last), 1, Integer::sum);
            }
        }
        int last = widths.entrySet().stream().max(java.util.Map.Entry.comparingByValue()).map(e -> e.getKey())
                .orElse(-1);
        if (last + 1 < columns) {
            return null;
        }
        float[] centres = new float[columns];
        for (int c = 0; c < columns; c++) {
            centres[c] = last - columns + 1 + c;
        }
        return new ColumnLayout(centres, true, false);
    }

    /** Whether a row placed by this layout leaves a cell blank (printed blank, or no value at its position). */
    boolean leavesBlank(Block block) {
        if (block.values().isEmpty()) {
            return false;
        }
        List<Token> placed = place(block.values());
        return placed != null && placed.stream().anyMatch(t -> t.value().semantic() == CellSemantic.EMPTY);
    }

    /**
     * The row's cells by position, blanks filled in as EMPTY; null when a value has no position, lies between two
     * columns, or two values fall in one column.
     */
    List<Token> place(List<Token> values) {
        if (!byCell) {
            return place(values, 0);
        }
        // rows of cells keep their trailing cells: when the table's rows start at different indexes, or the row does
        // not fit the indexes, its last cell is taken for the last column
        float endShift = rowEndShift(values);
        List<Token> placed = place(values, ragged ? endShift : 0);
        if (placed == null && endShift != 0 && !ragged) {
            placed = place(values, endShift);
        }
        return placed;
    }

    private List<Token> place(List<Token> values, float shift) {
        List<Token> printed = printed(values);
        if (printed.isEmpty() && values.stream().anyMatch(t -> t.x() != null) && !blankAtEveryColumn(values, shift)) {
            return null;
        }
        Token[] cells = new Token[centres.length];
        for (Token token : printed) {
            if (token.x() == null) {
                return null;
            }
            int best = -1;
            float distance = Float.MAX_VALUE;
            for (int c = 0; c < centres.length; c++) {
                float d = Math.abs(token.x() + shift - centres[c]);
                if (d < distance) {
                    distance = d;
                    best = c;
                }
            }
            if (distance > tolerance || cells[best] != null) {
                return null;
            }
            cells[best] = token;
        }
        List<Token> row = new ArrayList<>(centres.length);
        int line = !printed.isEmpty() ? printed.get(0).line() : values.isEmpty() ? -1 : values.get(0).line();
        for (Token cell : cells) {
            row.add(cell != null ? cell : new Token(null, CellValue.empty(), line));
        }
        return row;
    }

    /**
     * Whether a row sits on the layout as printed: by position on a page, or a row of cells whose last cell is the
     * table's last column (not shifted to it).
     */
    boolean endsAtLastColumn(List<Token> values) {
        return !byCell || rowEndShift(values) == 0;
    }

    /**
     * How many cells a row of cells is out of line with the table when its rows start at different cell indexes: a row
     * printed without its leading empty cells keeps its trailing ones, so its last cell is the table's last column.
     */
    private float rowEndShift(List<Token> values) {
        if (values.isEmpty()) {
            return 0;
        }
        Float last = values.get(values.size() - 1).x();
        return last == null ? 0 : centres[centres.length - 1] - last;
    }

    /** Whether a row of positioned blank cells has a blank cell in every column: a printed row, left blank. */
    private boolean blankAtEveryColumn(List<Token> values, float shift) {
        for (float centre : centres) {
            boolean found = false;
            for (Token token : values) {
                found |= token.x() != null && Math.abs(token.x() + shift - centre) <= tolerance;
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a blank cell stands between two printed values: a row of cells with as many values as columns but a
     * blank among them also carries a value too many (an extra zero, a shifted cell), so its indexes are not the
     * table's columns.
     */
    private static boolean blankAmongPrinted(List<Token> values) {
        boolean seenPrinted = false;
        boolean blankAfterPrinted = false;
        for (Token token : values) {
            boolean blank = token.value().semantic() == CellSemantic.EMPTY;
            if (!blank && blankAfterPrinted) {
                return true;
            }
            seenPrinted |= !blank;
            blankAfterPrinted |= blank && seenPrinted;
        }
        return false;
    }

    private static List<Token> printed(List<Token> values) {
        return values.stream().filter(t -> t.value().semantic() != CellSemantic.EMPTY).toList();
    }
}

package io.annualreport.parser.tables;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.annualreport.model.report.CellSemantic;

/**
 * Where the value columns of a PDF table sit horizontally, learnt from the rows that print every cell; lets a row with
 * blank cells be placed by the positions of its printed values instead of being left unread.
 */
final class ColumnLayout {

    private final float[] centres;
    private final float tolerance;

    private ColumnLayout(float[] centres) {
        this.centres = centres;
        float gap = Float.MAX_VALUE;
        for (int i = 1; i < centres.length; i++) {
            gap = Math.min(gap, centres[i] - centres[i - 1]);
        }
        this.tolerance = gap / 2;
    }

    /** The layout of {@code columns} columns, or null when no complete row has positions. */
    static ColumnLayout learn(List<Block> blocks, int columns) {
        List<float[]> rows = new ArrayList<>();
        for (Block block : blocks) {
            List<Token> printed = printed(block.values());
            if (printed.size() == columns && printed.stream().allMatch(t -> t.x() != null)) {
                float[] xs = new float[columns];
                for (int c = 0; c < columns; c++) {
                    xs[c] = printed.get(c).x();
                }
                rows.add(xs);
            }
        }
        if (rows.isEmpty()) {
            return null;
        }
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
        return new ColumnLayout(centres);
    }

    /**
     * The row's cells by position, blanks filled in as EMPTY; null when a value has no position, lies between two
     * columns, or two values fall in one column.
     */
    List<Token> place(List<Token> values) {
        List<Token> printed = printed(values);
        Token[] cells = new Token[centres.length];
        for (Token token : printed) {
            if (token.x() == null) {
                return null;
            }
            int best = -1;
            float distance = Float.MAX_VALUE;
            for (int c = 0; c < centres.length; c++) {
                float d = Math.abs(token.x() - centres[c]);
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
        int line = printed.isEmpty() ? -1 : printed.get(0).line();
        for (Token cell : cells) {
            row.add(cell != null ? cell : new Token(null, CellValue.empty(), line));
        }
        return row;
    }

    private static List<Token> printed(List<Token> values) {
        return values.stream().filter(t -> t.value().semantic() != CellSemantic.EMPTY).toList();
    }
}

package io.annualreport.parser.tables;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.annualreport.model.report.CellSemantic;

/**
 * Fits the values read after a row label to the row's columns: drops trailing blanks left by the layout and extra
 * zeros that extraction duplicated (docs/format.md §3.7), and refuses anything else rather than guess.
 *
 * @param cells the values, one per column; null when the row cannot be read
 * @param dropped how many extra zeros were dropped
 * @param problem why the row cannot be read; null when it can
 */
public record RowFit(List<Token> cells, int dropped, boolean droppedAtStart, String problem) {

    private static final int MAX_EXTRA_ZEROS = 2;

    /**
     * Fits values to {@code columns} columns.
     *
     * @param groupSize when positive, every group of this many columns ends with the sum of the others (7 for T3, 5
     *        for T4); an extra zero is then dropped only where the row that remains adds up
     * @param preferStart whether to drop extras at the start when nothing else tells
     */
    public static RowFit fit(List<Token> values, int columns, int groupSize, boolean preferStart) {
        RowFit fit = fitAfterLabel(values, columns, groupSize, preferStart);
        if (fit.cells() != null) {
            return fit;
        }
        List<Token> withoutLeadingBlanks = withoutLeadingBlanks(values, columns);
        if (withoutLeadingBlanks.size() == values.size()) {
            return fit;
        }
        RowFit retry = fitAfterLabel(withoutLeadingBlanks, columns, groupSize, preferStart);
        return retry.cells() != null && groupSize > 0 && adds(retry.cells(), groupSize) ? retry : fit;
    }

    /**
     * The values without the blank cells that stand between the label and the first number when a row has more cells
     * than columns: a ragged markup table (each row with its own number of cells, no spans) leaves the label area's
     * empty cells among the values. Used only when the row then adds up, so a blank value cell is never shifted.
     */
    private static List<Token> withoutLeadingBlanks(List<Token> values, int columns) {
        List<Token> list = withoutTrailingBlanks(values, columns);
        while (list.size() > columns && list.get(0).value().semantic() == CellSemantic.EMPTY) {
            list.remove(0);
        }
        return list.size() == values.size() ? values : list;
    }

    /** A copy of the values without the blank cells the layout leaves after the last column. */
    private static List<Token> withoutTrailingBlanks(List<Token> values, int columns) {
        List<Token> list = new ArrayList<>(values);
        while (list.size() > columns && list.get(list.size() - 1).value().semantic() == CellSemantic.EMPTY) {
            list.remove(list.size() - 1);
        }
        return list;
    }

    private static RowFit fitAfterLabel(List<Token> values, int columns, int groupSize, boolean preferStart) {
        List<Token> list = withoutTrailingBlanks(values, columns);
        if (list.size() == columns) {
            return new RowFit(list, 0, false, null);
        }
        if (list.size() < columns) {
            return new RowFit(null, 0, false,
                    list.size() + " of " + columns + " values printed; their columns are unknown");
        }
        int extra = list.size() - columns;
        if (extra > MAX_EXTRA_ZEROS) {
            return new RowFit(null, 0, false, list.size() + " values for " + columns + " columns");
        }
        List<Token> head = list.subList(extra, list.size());
        List<Token> tail = list.subList(0, columns);
        boolean headDroppable = allZero(list.subList(0, extra)) && adds(head, groupSize);
        boolean tailDroppable = allZero(list.subList(columns, list.size())) && adds(tail, groupSize);
        if (headDroppable && (preferStart || !tailDroppable)) {
            return new RowFit(List.copyOf(head), extra, true, null);
        }
        if (tailDroppable) {
            return new RowFit(List.copyOf(tail), extra, false, null);
        }
        return new RowFit(null, 0, false, list.size() + " values for " + columns
                + " columns; dropping the extra ones would drop non-zero values or break the row's totals");
    }

    private static boolean allZero(List<Token> tokens) {
        return tokens.stream().allMatch(t -> t.value().isZero());
    }

    private static boolean adds(List<Token> row, int groupSize) {
        if (groupSize <= 0) {
            return true;
        }
        for (int start = 0; start + groupSize <= row.size(); start += groupSize) {
            BigDecimal sum = BigDecimal.ZERO;
            for (int i = start; i < start + groupSize - 1; i++) {
                BigDecimal v = row.get(i).value().value();
                if (v == null) {
                    return false;
                }
                sum = sum.add(v);
            }
            BigDecimal total = row.get(start + groupSize - 1).value().value();
            if (total == null || total.compareTo(sum) != 0) {
                return false;
            }
        }
        return true;
    }
}

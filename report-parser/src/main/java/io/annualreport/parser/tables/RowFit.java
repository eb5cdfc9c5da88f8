package io.annualreport.parser.tables;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.annualreport.model.report.CellSemantic;

/**
 * Fits the values read after a row label to the row's columns: drops trailing blanks left by the layout and extra
 * zeros that extraction duplicated (template-spec §3.7), and refuses anything else rather than guess.
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
     * @param totalLast whether the last column is the sum of the others (T3), used to tell which zero is extra
     * @param preferStart whether to drop extras at the start when nothing else tells
     */
    public static RowFit fit(List<Token> values, int columns, boolean totalLast, boolean preferStart) {
        List<Token> list = new ArrayList<>(values);
        while (list.size() > columns && list.get(list.size() - 1).value().semantic() == CellSemantic.EMPTY) {
            list.remove(list.size() - 1);
        }
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
        boolean headDroppable = allZero(list.subList(0, extra));
        boolean tailDroppable = allZero(list.subList(columns, list.size()));
        if (headDroppable && tailDroppable && totalLast) {
            boolean headSums = sums(head);
            boolean tailSums = sums(tail);
            if (headSums != tailSums) {
                return headSums
                        ? new RowFit(List.copyOf(head), extra, true, null)
                        : new RowFit(List.copyOf(tail), extra, false, null);
            }
        }
        if (headDroppable && (preferStart || !tailDroppable)) {
            return new RowFit(List.copyOf(head), extra, true, null);
        }
        if (tailDroppable) {
            return new RowFit(List.copyOf(tail), extra, false, null);
        }
        return new RowFit(null, 0, false,
                list.size() + " values for " + columns + " columns and the extra ones are not 0");
    }

    private static boolean allZero(List<Token> tokens) {
        return tokens.stream().allMatch(t -> t.value().isZero());
    }

    private static boolean sums(List<Token> row) {
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < row.size() - 1; i++) {
            BigDecimal v = row.get(i).value().value();
            if (v == null) {
                return false;
            }
            sum = sum.add(v);
        }
        BigDecimal total = row.get(row.size() - 1).value().value();
        return total != null && total.compareTo(sum) == 0;
    }
}

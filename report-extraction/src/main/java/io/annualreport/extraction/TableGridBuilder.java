package io.annualreport.extraction;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds one table grid from rows of cells that may span rows and columns: each spanning cell is repeated into every
 * grid position it covers; the text form prints each row's own cells once.
 */
final class TableGridBuilder {

    private final List<List<String>> grid = new ArrayList<>();
    private final List<List<Boolean>> origin = new ArrayList<>();
    /** Grid column → (text, rows still to cover) of a rowspan reaching into the next rows. */
    private final Map<Integer, Span> pendingRowSpans = new HashMap<>();
    private List<String> row;
    private List<Boolean> rowOrigin;

    private record Span(String text, int remaining, int colspan) {
    }

    void startRow() {
        row = new ArrayList<>();
        rowOrigin = new ArrayList<>();
        fillPendingSpans();
    }

    void endRow() {
        if (row == null) {
            return;
        }
        fillPendingSpans();
        grid.add(row);
        origin.add(rowOrigin);
        row = null;
    }

    /** Adds a cell at the next free grid position of the current row. */
    void addCell(String text, int rowspan, int colspan) {
        if (row == null) {
            startRow();
        }
        int span = Math.max(1, Math.min(colspan, 1000));
        int down = Math.max(1, Math.min(rowspan, 10_000));
        int column = row.size();
        for (int i = 0; i < span; i++) {
            row.add(text);
            rowOrigin.add(i == 0);
            fillPendingSpans();
        }
        if (down > 1) {
            pendingRowSpans.put(column, new Span(text, down - 1, span));
        }
    }

    /**
     * Adds a cell that continues the vertically merged cell above it (Word's vMerge), repeating that cell's text.
     */
    void addContinuation(int colspan) {
        if (row == null) {
            startRow();
        }
        int column = row.size();
        String above = "";
        if (!grid.isEmpty()) {
            List<String> previous = grid.get(grid.size() - 1);
            above = column < previous.size() ? previous.get(column) : "";
        }
        for (int i = 0; i < Math.max(1, colspan); i++) {
            row.add(above);
            rowOrigin.add(false);
        }
    }

    private void fillPendingSpans() {
        Span span;
        while ((span = pendingRowSpans.get(row.size())) != null) {
            int column = row.size();
            for (int i = 0; i < span.colspan(); i++) {
                row.add(span.text());
                rowOrigin.add(false);
            }
            if (span.remaining() <= 1) {
                pendingRowSpans.remove(column);
            } else {
                pendingRowSpans.put(column, new Span(span.text(), span.remaining() - 1, span.colspan()));
            }
        }
    }

    boolean isEmpty() {
        return grid.isEmpty();
    }

    /** The expanded grid, every row padded to the widest row. */
    List<List<String>> rows() {
        int width = grid.stream().mapToInt(List::size).max().orElse(0);
        List<List<String>> rows = new ArrayList<>(grid.size());
        for (List<String> r : grid) {
            List<String> padded = new ArrayList<>(r);
            while (padded.size() < width) {
                padded.add("");
            }
            rows.add(List.copyOf(padded));
        }
        return List.copyOf(rows);
    }

    /**
     * One line per row, the row's own cells separated by tabs: a spanning cell appears once, where it starts, and
     * adds no empty cells for the positions it covers (the grid in {@link #rows()} has those).
     */
    String text() {
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < grid.size(); r++) {
            List<String> cells = grid.get(r);
            List<Boolean> first = origin.get(r);
            List<String> own = new ArrayList<>();
            for (int c = 0; c < cells.size(); c++) {
                if (first.get(c)) {
                    own.add(cells.get(c));
                }
            }
            int last = own.size();
            while (last > 0 && own.get(last - 1).isEmpty()) {
                last--;
            }
            out.append(String.join("\t", own.subList(0, last))).append('\n');
        }
        return out.toString();
    }
}

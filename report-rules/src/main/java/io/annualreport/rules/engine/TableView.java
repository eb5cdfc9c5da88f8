package io.annualreport.rules.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.annualreport.model.report.Cell;
import io.annualreport.model.report.CellSemantic;
import io.annualreport.model.template.ColumnDef;
import io.annualreport.model.template.Edition;
import io.annualreport.model.template.RowDef;
import io.annualreport.model.template.TemplateRegistry;

/**
 * The table view of a report for the rules: cells by key, which tables and T3 rows were read, how a cell can be used
 * as an operand, and its certainty. It remembers the cells a rule looked at, so the engine can judge a rule's
 * findings by the certainty of its inputs.
 */
public final class TableView {

    /** How a cell can be used as an arithmetic operand. */
    public enum State {
        /** The cell was not read at all (row or table missing or unreadable). */
        ABSENT,
        /** Printed blank: the operand is missing; V-03 reports it. */
        BLANK,
        /** Words in a number cell. */
        TEXT,
        /** "/", "-", "—": the cell does not apply; counts as zero, it is not missing. */
        NOT_APPLICABLE,
        /** A number (zero included). */
        NUMBER
    }

    /** The seven T3 cell keys of every T3 row of both editions, built once. */
    private static final Map<String, String[]> T3_KEYS;
    /** The fifteen T4 cell keys in printed order, built once. */
    private static final String[] T4_KEYS = TemplateRegistry.t4Columns().stream()
            .map(c -> TemplateRegistry.t4(c.key())).toArray(String[]::new);

    static {
        Map<String, String[]> keys = new HashMap<>();
        List<ColumnDef> columns = TemplateRegistry.t3Columns();
        for (RowDef row : TemplateRegistry.t3RowsAllEditions()) {
            String[] k = new String[columns.size()];
            for (int c = 0; c < k.length; c++) {
                k[c] = TemplateRegistry.t3(row.key(), columns.get(c).key());
            }
            keys.put(row.key(), k);
        }
        T3_KEYS = Map.copyOf(keys);
    }

    private final Map<String, Cell> cells;
    private final Edition edition;
    private final Set<String> used = new LinkedHashSet<>();
    private int tablesPresent = -1;
    private Set<String> t3RowsPresent;
    private List<String> detailRows;

    TableView(Map<String, Cell> cells, Edition edition) {
        this.cells = cells == null ? Map.of() : cells;
        this.edition = edition;
    }

    /** Every cell read, by key (never null). A rule iterating over them is taken to use none in particular. */
    public Map<String, Cell> cells() {
        return cells;
    }

    /** The cell under a key, or null when it was not read. */
    public Cell cell(String key) {
        used.add(key);
        return cells.get(key);
    }

    /** How the cell can be used as an operand. */
    public State state(String key) {
        return state(cell(key));
    }

    /** How a cell can be used as an operand. */
    public static State state(Cell cell) {
        if (cell == null) {
            return State.ABSENT;
        }
        CellSemantic semantic = cell.semantic();
        if (semantic == CellSemantic.NOT_APPLICABLE) {
            return State.NOT_APPLICABLE;
        }
        if (semantic == CellSemantic.EMPTY) {
            return State.BLANK;
        }
        if (cell.value() != null) {
            return State.NUMBER;
        }
        return semantic == CellSemantic.TEXT ? State.TEXT : State.BLANK;
    }

    /** The operand value: the number, zero for a not-applicable cell, null when absent, blank or text. */
    public BigDecimal number(String key) {
        Cell cell = cell(key);
        return switch (state(cell)) {
            case NUMBER -> cell.value();
            case NOT_APPLICABLE -> BigDecimal.ZERO;
            default -> null;
        };
    }

    /** The sum of the operands, or null when any of them is not a number. */
    public BigDecimal sum(Collection<String> keys) {
        BigDecimal total = BigDecimal.ZERO;
        for (String key : keys) {
            BigDecimal v = number(key);
            if (v == null) {
                return null;
            }
            total = total.add(v);
        }
        return total;
    }

    /** Whether the cell was read and is certain (a missing cell is not certain). */
    public boolean certain(String key) {
        Cell cell = cells.get(key);
        return cell != null && cell.isCertain();
    }

    /** Whether any cell of the table (prefix {@code t2}, {@code t3}, {@code t4}) was read. */
    public boolean hasTable(String prefix) {
        if (tablesPresent < 0) {
            int mask = 0;
            for (String key : cells.keySet()) {
                if (key.length() > 3 && key.charAt(0) == 't' && key.charAt(2) == '.') {
                    mask |= 1 << (key.charAt(1) - '0');
                }
            }
            tablesPresent = mask;
        }
        return prefix.length() == 2 && (tablesPresent & (1 << (prefix.charAt(1) - '0'))) != 0;
    }

    /** Whether any cell of a T3 row was read. */
    public boolean hasT3Row(String row) {
        if (t3RowsPresent == null) {
            Set<String> present = new HashSet<>();
            for (Map.Entry<String, String[]> e : T3_KEYS.entrySet()) {
                for (String key : e.getValue()) {
                    if (cells.containsKey(key)) {
                        present.add(e.getKey());
                        break;
                    }
                }
            }
            t3RowsPresent = present;
        }
        return t3RowsPresent.contains(row);
    }

    /** The T4 cell key of a column index (0–14, printed order). */
    public static String t4Key(int column) {
        return T4_KEYS[column];
    }

    /** The T3 cell key of a row and column index (0 = 自然人 … 6 = 总计), from a table built once. */
    public static String t3Key(String row, int column) {
        return T3_KEYS.get(row)[column];
    }

    /** The source line of the first cell read among the keys, for evidence. */
    public String source(String... keys) {
        for (String key : keys) {
            Cell cell = cells.get(key);
            if (cell != null && cell.source() != null) {
                return cell.source().strip();
            }
        }
        return null;
    }

    /**
     * The detail rows of 三、本年度办理结果 that (七)总计 sums: the edition's rows, except that a 2021 report printing
     * 三(六) as the single 2019 row (or a 2019 report printing the three 2021 sub-rows) is summed as printed.
     */
    public List<String> t3DetailRows() {
        if (detailRows != null) {
            return detailRows;
        }
        List<String> rows = new ArrayList<>();
        boolean single = hasT3Row("other_handling");
        boolean split = hasT3Row("other_no_correction") || hasT3Row("other_fee_unpaid") || hasT3Row("other_other");
        boolean useSingle = edition == Edition.E2019 ? single || !split : single && !split;
        for (RowDef row : TemplateRegistry.t3RowsAllEditions()) {
            String key = row.key();
            if (key.equals("new_received") || key.equals("carried_over") || key.equals("total_handled")
                    || key.equals("carried_forward")) {
                continue;
            }
            boolean subRow = key.equals("other_no_correction") || key.equals("other_fee_unpaid")
                    || key.equals("other_other");
            if (key.equals("other_handling") ? useSingle : !subRow || !useSingle) {
                rows.add(key);
            }
        }
        detailRows = List.copyOf(rows);
        return detailRows;
    }

    /** The cell keys looked up since the last {@link #forget()}, in the order first asked for. */
    List<String> used() {
        return List.copyOf(used);
    }

    /** Starts a new record of the cells used (the engine calls it before each rule). */
    void forget() {
        used.clear();
    }
}

package io.annualreport.store.labels;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.annualreport.model.template.CellDef;
import io.annualreport.model.template.RowDef;
import io.annualreport.model.template.TableId;
import io.annualreport.model.template.TemplateRegistry;

/**
 * Names cells and rows in Chinese the way a reviewer reads the printed table, e.g. {@code t4.all.review_upheld} →
 * 表四 · 行政复议 · 结果维持, built from the template registry's labels.
 */
public final class CellLabels {

    private static final String SEPARATOR = " · ";
    private static final Map<String, String> CELLS = new LinkedHashMap<>();
    private static final Map<String, String> ROWS = new LinkedHashMap<>();

    static {
        for (CellDef cell : TemplateRegistry.allCells().values()) {
            String row = rowLabel(cell.table(), cell.row());
            ROWS.putIfAbsent(cell.table().prefix() + "." + cell.row().key(), row);
            List<String> parts = new ArrayList<>(List.of(row));
            if (cell.column().group() != null) {
                parts.addAll(List.of(cell.column().group().split("·")));
            }
            parts.add(cell.column().label());
            CELLS.put(cell.key(), String.join(SEPARATOR, parts));
        }
    }

    private CellLabels() {
    }

    /** Every cell key with its label, T2 then T3 then T4. */
    public static Map<String, String> cells() {
        return Map.copyOf(CELLS);
    }

    /** Every row key ({@code t3.disclosed}) with its label. */
    public static Map<String, String> rows() {
        return Map.copyOf(ROWS);
    }

    /** The label of a cell or row key, when the template knows it. */
    public static Optional<String> of(String key) {
        if (key == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(CELLS.getOrDefault(key, ROWS.get(key)));
    }

    private static String rowLabel(TableId table, RowDef row) {
        List<String> parts = new ArrayList<>(List.of(table.label()));
        if (table != TableId.T4) { // T4 has a single row, named by the table itself
            if (row.groups() != null) {
                parts.addAll(row.groups());
            }
            parts.add(row.label());
        }
        return String.join(SEPARATOR, parts);
    }
}

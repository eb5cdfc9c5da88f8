package io.annualreport.model.template;

import java.util.Set;

/** One canonical cell {@code table.row.column} with the row and column it is made of. */
public record CellDef(String key, TableId table, RowDef row, ColumnDef column, Set<Edition> editions) {

    /** The key of the cell at a table, row and column. */
    public static String key(TableId table, String row, String column) {
        return table.prefix() + "." + row + "." + column;
    }

    /** A Chinese description of the cell, e.g. "表三 一、本年新收政府信息公开申请数量 / 总计". */
    public String label() {
        String tableName = switch (table) {
            case T2 -> "表二";
            case T3 -> "表三";
            case T4 -> "表四";
        };
        String col = column.group() == null ? column.label() : column.group() + "·" + column.label();
        return tableName + " " + row.label() + " / " + col;
    }
}

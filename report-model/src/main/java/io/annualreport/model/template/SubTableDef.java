package io.annualreport.model.template;

import java.util.List;

/** A sub-table of T2 (第二十条第（一）项 …): its heading, rows and columns. */
public record SubTableDef(String heading, List<RowDef> rows, List<ColumnDef> columns) {
}

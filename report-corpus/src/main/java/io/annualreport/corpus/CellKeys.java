package io.annualreport.corpus;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.annualreport.model.template.ColumnDef;
import io.annualreport.model.template.RowDef;
import io.annualreport.model.template.TemplateRegistry;

/** The TemplateRegistry cell keys of T3 and T4 computed once, since generating reports looks them up constantly. */
final class CellKeys {

    private static final Map<String, List<String>> T3_BY_ROW = new HashMap<>();
    private static final Map<String, String> T4_BY_COLUMN = new HashMap<>();

    static {
        for (RowDef row : TemplateRegistry.t3RowsAllEditions()) {
            T3_BY_ROW.put(row.key(), TemplateRegistry.t3Columns().stream()
                    .map(c -> TemplateRegistry.t3(row.key(), c.key())).toList());
        }
        for (ColumnDef column : TemplateRegistry.t4Columns()) {
            T4_BY_COLUMN.put(column.key(), TemplateRegistry.t4(column.key()));
        }
    }

    private CellKeys() {
    }

    /** The seven keys of a T3 row in column order, the total last. */
    static List<String> t3Row(String row) {
        return T3_BY_ROW.get(row);
    }

    /** The key of the total of a T3 row. */
    static String t3Total(String row) {
        List<String> keys = T3_BY_ROW.get(row);
        return keys.get(keys.size() - 1);
    }

    /** The key of a T4 column. */
    static String t4(String column) {
        return T4_BY_COLUMN.get(column);
    }
}

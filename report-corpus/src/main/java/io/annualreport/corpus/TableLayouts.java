package io.annualreport.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.annualreport.corpus.SpanTable.Row;
import io.annualreport.model.report.Cell;
import io.annualreport.model.template.CellDef;
import io.annualreport.model.template.ColumnDef;
import io.annualreport.model.template.RowDef;
import io.annualreport.model.template.SubTableDef;
import io.annualreport.model.template.TableId;
import io.annualreport.model.template.TemplateRegistry;

/** Lays out T2, T3 and T4 of a report as in the official format, with labels taken from TemplateRegistry. */
final class TableLayouts {

    private static final int T2_WIDTH = 4;
    private static final int T3_LABEL_COLUMNS = 3;

    private final GeneratedReport report;
    private final LabelStyler labels;

    TableLayouts(GeneratedReport report, LabelStyler labels) {
        this.report = report;
        this.labels = labels;
    }

    SpanTable table(TableId table) {
        return switch (table) {
            case T2 -> t2();
            case T3 -> t3();
            case T4 -> t4();
        };
    }

    private SpanTable t2() {
        List<Row> rows = new ArrayList<>();
        for (SubTableDef sub : TemplateRegistry.t2(report.edition())) {
            rows.add(new Row(List.of(new SpanTable.Cell(labels.label(sub.heading()), 1, T2_WIDTH)), null, 1));
            List<SpanTable.Cell> header = new ArrayList<>();
            header.add(SpanTable.Cell.of("信息内容"));
            for (int i = 0; i < sub.columns().size(); i++) {
                header.add(spanToEnd(labels.label(columnLabel(sub.columns().get(i))), i, sub.columns().size()));
            }
            rows.add(new Row(header, null, header.size()));
            for (RowDef row : sub.rows()) {
                List<SpanTable.Cell> cells = new ArrayList<>();
                cells.add(SpanTable.Cell.of(labels.label(row.label())));
                for (int i = 0; i < sub.columns().size(); i++) {
                    String key = CellDef.key(TableId.T2, row.key(), sub.columns().get(i).key());
                    cells.add(spanToEnd(raw(key, row.key()), i, sub.columns().size()));
                }
                rows.add(new Row(cells, row.key(), 1));
            }
        }
        return new SpanTable(T2_WIDTH, rows);
    }

    private String columnLabel(ColumnDef column) {
        if (report.spec().henanUnitLabels()) {
            for (String variant : column.variants()) {
                if (variant.contains("保留4位小数")) {
                    return variant;
                }
            }
        }
        return column.label();
    }

    private static SpanTable.Cell spanToEnd(String text, int index, int columns) {
        int span = index == columns - 1 ? T2_WIDTH - columns : 1;
        return new SpanTable.Cell(text, 1, span);
    }

    private SpanTable t3() {
        List<Row> rows = new ArrayList<>();
        List<ColumnDef> columns = TemplateRegistry.t3Columns();
        int width = T3_LABEL_COLUMNS + columns.size();
        rows.add(new Row(List.of(new SpanTable.Cell(labels.label(TemplateRegistry.T3_IDENTITY_NOTE), 3, 3),
                new SpanTable.Cell("申请人情况", 1, columns.size())), null, 2));
        List<SpanTable.Cell> groupRow = new ArrayList<>();
        groupRow.add(new SpanTable.Cell(columns.get(0).label(), 2, 1));
        groupRow.add(new SpanTable.Cell(columns.get(1).group(), 1, columns.size() - 2));
        groupRow.add(new SpanTable.Cell(columns.get(columns.size() - 1).label(), 2, 1));
        rows.add(new Row(groupRow, null, 3));
        List<SpanTable.Cell> detailRow = new ArrayList<>();
        for (ColumnDef column : columns.subList(1, columns.size() - 1)) {
            detailRow.add(SpanTable.Cell.of(column.label()));
        }
        rows.add(new Row(detailRow, null, detailRow.size()));

        List<RowDef> t3Rows = TemplateRegistry.t3Rows(report.edition());
        String previousOuter = null;
        String previousInner = null;
        for (RowDef row : t3Rows) {
            List<SpanTable.Cell> cells = new ArrayList<>();
            List<String> groups = row.groups();
            String outer = groups.isEmpty() ? null : groups.get(0);
            String inner = groups.size() > 1 ? groups.get(1) : null;
            if (outer != null && !outer.equals(previousOuter)) {
                cells.add(new SpanTable.Cell(labels.label(outer), count(t3Rows, 0, outer), 1));
            }
            if (inner != null && !inner.equals(previousInner)) {
                cells.add(new SpanTable.Cell(labels.label(inner), count(t3Rows, 1, inner), 1));
            }
            int labelSpan = T3_LABEL_COLUMNS - groups.size();
            cells.add(new SpanTable.Cell(labels.rowLabel(row.key(), row.label()), 1, labelSpan));
            int labelCells = cells.size();
            for (String key : CellKeys.t3Row(row.key())) {
                cells.add(SpanTable.Cell.of(raw(key, row.key())));
            }
            rows.add(new Row(cells, row.key(), labelCells));
            previousOuter = outer;
            previousInner = inner;
        }
        return new SpanTable(width, rows);
    }

    private static int count(List<RowDef> rows, int level, String group) {
        return (int) rows.stream().filter(r -> r.groups().size() > level && r.groups().get(level).equals(group))
                .count();
    }

    private SpanTable t4() {
        List<ColumnDef> columns = TemplateRegistry.t4Columns();
        List<Row> rows = new ArrayList<>();
        rows.add(new Row(List.of(new SpanTable.Cell("行政复议", 1, 5), new SpanTable.Cell("行政诉讼", 1, 10)), null, 2));
        List<SpanTable.Cell> second = new ArrayList<>();
        for (ColumnDef column : columns.subList(0, 5)) {
            second.add(new SpanTable.Cell(column.label(), 2, 1));
        }
        second.add(new SpanTable.Cell(subgroup(columns.get(5)), 1, 5));
        second.add(new SpanTable.Cell(subgroup(columns.get(10)), 1, 5));
        rows.add(new Row(second, null, second.size()));
        List<SpanTable.Cell> third = new ArrayList<>();
        for (ColumnDef column : columns.subList(5, 15)) {
            third.add(SpanTable.Cell.of(column.label()));
        }
        rows.add(new Row(third, null, third.size()));
        List<SpanTable.Cell> values = new ArrayList<>();
        String rowKey = TemplateRegistry.t4Row().key();
        for (ColumnDef column : columns) {
            values.add(SpanTable.Cell.of(raw(CellKeys.t4(column.key()), rowKey)));
        }
        rows.add(new Row(values, rowKey, 0));
        return new SpanTable(15, rows);
    }

    private static String subgroup(ColumnDef column) {
        String group = column.group();
        return group.substring(group.indexOf('·') + 1);
    }

    private String raw(String key, String rowKey) {
        Map<String, Cell> cells = report.cells();
        Cell cell = cells.get(key);
        if (cell == null) {
            throw new IllegalStateException("No cell " + key + " in a report of edition " + report.edition());
        }
        return labels.number(rowKey, cell.raw());
    }
}

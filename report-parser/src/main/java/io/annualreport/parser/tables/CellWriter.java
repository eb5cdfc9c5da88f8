package io.annualreport.parser.tables;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

import io.annualreport.model.report.Cell;
import io.annualreport.model.report.CellSemantic;
import io.annualreport.model.report.ParseWarning;
import io.annualreport.model.template.ColumnDef;
import io.annualreport.model.template.RowDef;
import io.annualreport.parser.text.SourceLine;

/** Turns the fitted values of a printed row into canonical cells with their provenance. */
final class CellWriter {

    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

    private final List<SourceLine> textLines;
    private final Map<String, Cell> cells;
    private final List<ParseWarning> warnings;

    CellWriter(List<SourceLine> textLines, Map<String, Cell> cells, List<ParseWarning> warnings) {
        this.textLines = textLines;
        this.cells = cells;
        this.warnings = warnings;
    }

    /** Writes one row; a row that cannot be fitted is reported and left out. */
    void write(String tablePrefix, RowDef row, List<ColumnDef> columns, Block block, int groupSize,
            boolean preferStart, boolean headerInYuan) {
        write(tablePrefix, row, columns, block, groupSize, preferStart, headerInYuan, null);
    }

    /** Writes one row, placing values by position where a layout is known and the row prints fewer values. */
    void write(String tablePrefix, RowDef row, List<ColumnDef> columns, Block block, int groupSize,
            boolean preferStart, boolean headerInYuan, ColumnLayout layout) {
        String rowKey = tablePrefix + "." + row.key();
        RowFit fit = RowFit.fit(block.values(), columns.size(), groupSize, preferStart);
        if (block.fromGrid() && (fit.cells() == null || fit.dropped() > 0)) {
            RowFit collapsed = RowFit.fit(collapseSpans(block.values()), columns.size(), groupSize, preferStart);
            if (collapsed.cells() != null && collapsed.dropped() == 0) {
                fit = collapsed;
            }
        }
        if (fit.cells() == null && layout != null) {
            List<Token> placed = layout.place(block.values());
            if (placed != null) {
                fit = new RowFit(placed, 0, false, null);
                warnings.add(new ParseWarning("CELLS_PLACED_BY_POSITION", rowKey, "row " + row.label()
                        + ": printed values placed in their columns by position; the other cells are blank"));
            }
        }
        if (fit.cells() == null && !block.hasValues()) {
            warnings.add(new ParseWarning("ROW_WITHOUT_VALUES", rowKey, "row " + row.label()
                    + ": label printed but no values follow (table cut off, cells blank or an image)"));
            return;
        }
        if (fit.cells() == null) {
            warnings.add(new ParseWarning("ROW_UNREADABLE", rowKey, "row " + row.label() + ": " + fit.problem()
                    + "; printed label reads \"" + block.label() + "\""));
            return;
        }
        if (fit.dropped() > 0) {
            warnings.add(new ParseWarning("EXTRA_TRAILING_ZERO", rowKey, "row " + row.label() + ": "
                    + (columns.size() + fit.dropped()) + " values for " + columns.size() + " columns; dropped "
                    + fit.dropped() + " extra 0 at the " + (fit.droppedAtStart() ? "start" : "end")));
        }
        for (int c = 0; c < columns.size(); c++) {
            Token token = fit.cells().get(c);
            String key = rowKey + "." + columns.get(c).key();
            cells.put(key, cell(key, columns.get(c), token, headerInYuan));
        }
    }

    /** A cell spanning several grid columns repeats its text in each; adjacent repeats are read as one cell. */
    private static List<Token> collapseSpans(List<Token> values) {
        List<Token> out = new java.util.ArrayList<>();
        for (Token token : values) {
            Token last = out.isEmpty() ? null : out.get(out.size() - 1);
            boolean repeat = last != null && last.line() == token.line()
                    && last.value().semantic() != CellSemantic.EMPTY && last.value().raw().equals(token.value().raw());
            if (!repeat) {
                out.add(token);
            }
        }
        return out;
    }

    private Cell cell(String key, ColumnDef column, Token token, boolean headerInYuan) {
        CellValue value = token.value();
        Integer page = null;
        String source = null;
        Integer line = null;
        if (token.line() >= 0 && token.line() < textLines.size()) {
            SourceLine sourceLine = textLines.get(token.line());
            page = sourceLine.page();
            source = sourceLine.raw();
            line = token.line() + 1;
        }
        BigDecimal number = value.value();
        boolean inTenThousand = column.key().endsWith("10k_yuan");
        if (number != null && inTenThousand && ("元".equals(value.unit()) || value.unit() == null && headerInYuan)) {
            number = number.divide(TEN_THOUSAND, 8, RoundingMode.UNNECESSARY).stripTrailingZeros();
            warnings.add(new ParseWarning("UNIT_CONVERTED", key, "printed \"" + value.raw()
                    + "\" in 元; stored as " + number.toPlainString() + " 万元"));
        }
        CellSemantic semantic = value.semantic();
        if (number != null && !"change".equals(column.key()) && number.signum() < 0) {
            warnings.add(new ParseWarning("NEGATIVE_VALUE", key, "printed \"" + value.raw() + "\""));
        }
        return new Cell(number, value.raw(), semantic, page, line, source);
    }
}

package io.annualreport.parser.tables;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

import io.annualreport.model.document.TextLine;
import io.annualreport.model.report.Cell;
import io.annualreport.model.report.CellSemantic;
import io.annualreport.model.report.Doubt;
import io.annualreport.model.report.ParseWarning;
import io.annualreport.model.report.Unread;
import io.annualreport.model.report.UnreadReason;
import io.annualreport.model.template.ColumnDef;
import io.annualreport.model.template.RowDef;
import io.annualreport.parser.text.SourceLine;

/**
 * Turns the fitted values of a printed row into canonical cells with their provenance and certainty: a cell is
 * DOUBTFUL when OCR read its characters with low confidence, when an extra value was dropped from its row, or when its
 * row was placed by position. A row that cannot be written is returned as unread, with its reason.
 */
final class CellWriter {

    /** OCR characters read with less confidence than this (0 to 100) make their cell doubtful. */
    static final float OCR_CONFIDENT = 80f;
    /** The most numbers read with doubt in one group that the group's total may confirm. */
    private static final int MAX_CONFIRMED_PER_GROUP = 3;
    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

    private final List<SourceLine> textLines;
    private final Map<String, Cell> cells;
    private final List<ParseWarning> warnings;

    CellWriter(List<SourceLine> textLines, Map<String, Cell> cells, List<ParseWarning> warnings) {
        this.textLines = textLines;
        this.cells = cells;
        this.warnings = warnings;
    }

    /** Writes one row; a row that cannot be fitted is reported, left out and returned as unread. */
    Unread write(String tablePrefix, RowDef row, List<ColumnDef> columns, Block block, int groupSize,
            boolean preferStart, boolean headerInYuan) {
        return write(tablePrefix, row, columns, block, groupSize, preferStart, headerInYuan, null, false, true);
    }

    /** Writes one row, placing values by position where a layout is known; blanks of a placed row are certain. */
    Unread write(String tablePrefix, RowDef row, List<ColumnDef> columns, Block block, int groupSize,
            boolean preferStart, boolean headerInYuan, ColumnLayout layout, boolean rowInferred) {
        return write(tablePrefix, row, columns, block, groupSize, preferStart, headerInYuan, layout, rowInferred,
                true);
    }

    /**
     * Writes one row, placing values by position where a layout is known and the row prints fewer values.
     *
     * @param rowInferred whether the row was matched by its position, its label not being legible
     * @param blanksElsewhere whether another row of the table also leaves a cell blank: only then are the blanks of
     *        a row placed by position the table's way of printing (zeros or nothing printed blank); a lone row with
     *        blanks in a table that prints every other cell may have lost its numbers or been shifted by a column
     *        (a cell dropped by a converter), so it is returned as unread
     * @return null when the row was written; otherwise why it was not
     */
    Unread write(String tablePrefix, RowDef row, List<ColumnDef> columns, Block block, int groupSize,
            boolean preferStart, boolean headerInYuan, ColumnLayout layout, boolean rowInferred,
            boolean blanksElsewhere) {
        String rowKey = tablePrefix + "." + row.key();
        RowFit fit = RowFit.fit(block.values(), columns.size(), groupSize, preferStart);
        if (block.fromGrid() && (fit.cells() == null || fit.dropped() > 0)) {
            RowFit collapsed = RowFit.fit(collapseSpans(block.values()), columns.size(), groupSize, preferStart);
            if (collapsed.cells() != null && collapsed.dropped() == 0) {
                fit = collapsed;
            }
        }
        boolean placedByLayout = false;
        boolean placedAddsUp = true;
        boolean blanksInFit = fit.cells() != null
                && fit.cells().stream().anyMatch(t -> t.value().semantic() == CellSemantic.EMPTY);
        // a label with no cell after it in a row of cells was printed without its row, not with blank cells
        boolean labelOnly = block.values().isEmpty() && (block.positional() || layout != null && layout.byCell());
        if (layout != null && !labelOnly && (fit.cells() == null || block.positional() && blanksInFit)) {
            List<Token> placed = layout.place(block.values());
            if (placed != null) {
                fit = new RowFit(placed, 0, false, null);
                placedByLayout = true;
                // a row that prints a value in every column is placed without doubt, whatever its sums say (a wrong
                // total is the report's own error); only blanks leave room for a row shifted by a dropped cell
                placedAddsUp = placed.stream().noneMatch(t -> t.value().semantic() == CellSemantic.EMPTY)
                        || addsWithBlanks(placed, groupSize, !layout.endsAtLastColumn(block.values()));
                warnings.add(new ParseWarning("CELLS_PLACED_BY_POSITION", rowKey, "row " + row.label()
                        + ": printed values placed in their columns by position; the other cells are blank"
                        + (placedAddsUp ? "" : "; the row does not add up, so its columns are doubtful")));
            }
        }
        if (fit.cells() == null && !block.hasValues()) {
            warnings.add(new ParseWarning("ROW_WITHOUT_VALUES", rowKey, "row " + row.label()
                    + ": label printed but no values follow (table cut off, cells blank or an image)"));
            return new Unread(rowKey, UnreadReason.NUMBERS_NOT_PLACEABLE,
                    "行标签已找到（" + where(block) + "），其后没有数字：表格被截断、单元格空白或为图片");
        }
        if (fit.cells() == null) {
            warnings.add(new ParseWarning("ROW_UNREADABLE", rowKey, "row " + row.label() + ": " + fit.problem()
                    + "; printed label reads \"" + block.label() + "\""));
            int printed = (int) block.values().stream().filter(t -> t.value().semantic() != CellSemantic.EMPTY)
                    .count();
            return printed < columns.size()
                    ? new Unread(rowKey, UnreadReason.COLUMN_UNKNOWN, "印有" + printed + "个数值，表格有" + columns.size()
                            + "列，无法确定各数值所在的列（" + where(block) + "）")
                    : new Unread(rowKey, UnreadReason.NUMBERS_NOT_PLACEABLE, "印有" + printed + "个数值，多于"
                            + columns.size() + "列，无法对应到各列（" + where(block) + "）");
        }
        boolean printed = fit.cells().stream().anyMatch(t -> t.value().semantic() != CellSemantic.EMPTY);
        if (block.fromGrid() && groupSize > 0 && !printed && !placedByLayout) {
            warnings.add(new ParseWarning("ROW_WITHOUT_VALUES", rowKey, "row " + row.label()
                    + ": every cell of the markup row is blank"));
            return new Unread(rowKey, UnreadReason.NUMBERS_NOT_PLACEABLE,
                    "行标签已找到（" + where(block) + "），但其后的单元格全为空白，数字可能在相邻的合并单元格中");
        }
        // a blank beside numbers in a markup row of counts: the grid's columns are not to be trusted for this row
        // (unless the row has exactly one cell per column and adds up: then its columns are its cells)
        boolean blanksAmongValues = block.fromGrid() && groupSize > 0 && !placedByLayout
                && fit.cells().stream().anyMatch(t -> t.value().semantic() == CellSemantic.EMPTY)
                && !(block.values().size() == columns.size() && addsWithBlanks(fit.cells(), groupSize, false));
        // blanks placed by position in the only row of the table that leaves cells blank: lost numbers or a row
        // shifted by a dropped cell cannot be told from blank cells, so the row is not read (a human checks it) and
        // never becomes a blank-cell accusation
        if (placedByLayout && !blanksElsewhere
                && fit.cells().stream().anyMatch(t -> t.value().semantic() == CellSemantic.EMPTY)) {
            warnings.add(new ParseWarning("BLANK_CELLS_NOT_READ", rowKey, "row " + row.label()
                    + ": the only row of the table with blank cells; its numbers may have been lost or shifted"));
            return printed
                    ? new Unread(rowKey, UnreadReason.COLUMN_UNKNOWN, "表格中只有此行有空白单元格，数字可能错列或丢失，无法确定各数值所在的列（"
                            + where(block) + "）")
                    : new Unread(rowKey, UnreadReason.NUMBERS_NOT_PLACEABLE, "行标签已找到（" + where(block)
                            + "），表格中只有此行的单元格全为空白，数字可能在转换中丢失");
        }
        if (fit.dropped() > 0) {
            warnings.add(new ParseWarning("EXTRA_TRAILING_ZERO", rowKey, "row " + row.label() + ": "
                    + (columns.size() + fit.dropped()) + " values for " + columns.size() + " columns; dropped "
                    + fit.dropped() + " extra 0 at the " + (fit.droppedAtStart() ? "start" : "end")));
        }
        // An extra zero dropped from a row with totals is the only reading that adds up, its values unchanged (of the
        // two ways to drop, both add up only for a row of zeros, where they agree): certain. Without totals, a guess.
        Doubt rowDoubt = fit.dropped() > 0 && groupSize <= 0
                ? Doubt.VALUE_REPAIRED
                : rowInferred
                        ? Doubt.ROW_INFERRED
                        : blanksAmongValues || !placedAddsUp ? Doubt.COLUMN_INFERRED : null;
        boolean totalsConfirm = rowDoubt == null && totalsConfirmOcr(fit.cells(), groupSize);
        if (totalsConfirm) {
            warnings.add(new ParseWarning("OCR_CONFIRMED_BY_TOTALS", rowKey, "row " + row.label()
                    + ": numbers OCR read with low confidence are confirmed by the row's totals"));
        }
        for (int c = 0; c < columns.size(); c++) {
            Token token = fit.cells().get(c);
            String key = rowKey + "." + columns.get(c).key();
            Cell cell = cell(key, columns.get(c), token, headerInYuan);
            if (lowOcrConfidence(token)) {
                if (!totalsConfirm) {
                    cell = cell.doubtful(Doubt.OCR_LOW_CONFIDENCE);
                }
            } else if (rowDoubt != null) {
                cell = cell.doubtful(rowDoubt);
            }
            cells.put(key, cell);
        }
        return null;
    }

    private static boolean lowOcrConfidence(Token token) {
        return token.confidence() != null && token.confidence() < OCR_CONFIDENT
                && token.value().semantic() != CellSemantic.EMPTY
                || TextLine.ILLEGIBLE.equals(token.value().raw());
    }

    /**
     * Whether the row's totals confirm what OCR read with low confidence: some number of the row was read with doubt,
     * every cell of every group is a printed number, each group's values sum exactly to its total, no total is 0 (a
     * row of zeros confirms nothing) and no group has more than {@value #MAX_CONFIRMED_PER_GROUP} doubtful numbers. A
     * single misread breaks the sum; only misreads that cancel out exactly could pass, which independent digit
     * confusions hardly do. The row's sum is then the second reading that the OCR path asks for before a number is
     * certain (docs/quality-scans.md).
     */
    private static boolean totalsConfirmOcr(List<Token> row, int groupSize) {
        if (groupSize <= 0 || row.size() % groupSize != 0 || row.stream().noneMatch(CellWriter::lowOcrConfidence)) {
            return false;
        }
        for (int start = 0; start < row.size(); start += groupSize) {
            BigDecimal sum = BigDecimal.ZERO;
            int doubtful = 0;
            for (int i = start; i < start + groupSize; i++) {
                Token token = row.get(i);
                if (token.value().value() == null) {
                    return false;
                }
                doubtful += lowOcrConfidence(token) ? 1 : 0;
                if (i < start + groupSize - 1) {
                    sum = sum.add(token.value().value());
                }
            }
            BigDecimal total = row.get(start + groupSize - 1).value().value();
            if (doubtful > MAX_CONFIRMED_PER_GROUP || total.signum() == 0 || total.compareTo(sum) != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether each group of a placed row adds up, blanks counted as nothing: the values of a group sum to its printed
     * total, and a group with a blank total prints no value (for a row placed with a shift, not even a 0). A row shifted by a
     * column fails this.
     */
    private static boolean addsWithBlanks(List<Token> row, int groupSize, boolean shifted) {
        if (groupSize <= 0) {
            return true;
        }
        for (int start = 0; start + groupSize <= row.size(); start += groupSize) {
            BigDecimal sum = BigDecimal.ZERO;
            boolean anyPrinted = false;
            for (int i = start; i < start + groupSize - 1; i++) {
                CellValue v = row.get(i).value();
                if (v.value() != null) {
                    sum = sum.add(v.value());
                    anyPrinted = true;
                } else if (v.semantic() != CellSemantic.EMPTY) {
                    return false;
                }
            }
            CellValue total = row.get(start + groupSize - 1).value();
            // in a row placed with a shift, a blank total adds up only over a group that prints nothing: zeros
            // beside a blank total are then as likely the row shifted by one column more (the total's 0 moved into a
            // value column) as the report's own way
            BigDecimal printedTotal = total.value() != null
                    ? total.value()
                    : total.semantic() == CellSemantic.EMPTY && !(shifted && anyPrinted) ? BigDecimal.ZERO : null;
            if (printedTotal == null || printedTotal.compareTo(sum) != 0) {
                return false;
            }
        }
        return true;
    }

    /** Where a printed row is, for an explanation: its line (and page) in the extracted text. */
    private String where(Block block) {
        int line = block.firstLine();
        if (line < 0 || line >= textLines.size()) {
            return "表格内";
        }
        Integer page = textLines.get(line).page();
        return (page == null ? "" : "第" + page + "页，") + "第" + (line + 1) + "行";
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

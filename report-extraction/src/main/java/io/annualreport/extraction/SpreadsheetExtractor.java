package io.annualreport.extraction;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;

import io.annualreport.model.document.ExtractedDocument;
import io.annualreport.model.document.TableGrid;
import io.annualreport.model.event.FailureReason;

/**
 * Spreadsheets (Excel 97 {@code .xls}, WPS Spreadsheets {@code .et} files saved in that layout, and {@code .xlsx})
 * with Apache POI, the library under Tika's Excel parsers, because Tika's text of a sheet loses merged regions and
 * blank cells: each visible sheet in order, rows top to bottom. A run of rows whose cells are ruled (any border) or
 * hold two or more values is a table, with merged regions as spanning cells and blank ruled cells kept as empty
 * cells in their columns; any other row is a line of text. Numbers are printed as the sheet shows them, formulas by
 * the result the spreadsheet program saved with them.
 */
final class SpreadsheetExtractor {

    private final int maxCharacters;

    SpreadsheetExtractor(int maxCharacters) {
        this.maxCharacters = maxCharacters;
    }

    ExtractedDocument extract(Path file, String mediaType, long started) throws ExtractionException {
        if (mediaType.contains("openxmlformats")) {
            ZipBombCheck.check(file);
        }
        StringBuilder text = new StringBuilder();
        List<TableGrid> tables = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file);
                Workbook workbook = WorkbookFactory.create(new DeadlineInputStream(in))) {
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            formatter.setUseCachedValuesForFormulaCells(true);
            for (int s = 0; s < workbook.getNumberOfSheets(); s++) {
                if (workbook.isSheetHidden(s) || workbook.isSheetVeryHidden(s)) {
                    continue;
                }
                new SheetReader(workbook.getSheetAt(s), formatter, maxCharacters).read(text, tables);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof Interruption.Cancelled cancelled) {
                throw cancelled;
            }
            throw Failures.classify(e, "cannot read the spreadsheet");
        }
        return StructuredDocument.of(text, tables, mediaType, started, "spreadsheet");
    }

    /** One sheet: its merged regions by position, and the split of its rows into text lines and tables. */
    private static final class SheetReader {

        private final Sheet sheet;
        private final DataFormatter formatter;
        private final int maxCharacters;
        private final Map<Long, CellRangeAddress> regions = new HashMap<>();

        SheetReader(Sheet sheet, DataFormatter formatter, int maxCharacters) {
            this.sheet = sheet;
            this.formatter = formatter;
            this.maxCharacters = maxCharacters;
            for (CellRangeAddress region : sheet.getMergedRegions()) {
                // a region larger than a sheet's worth of report is not a layout; cap what is indexed
                if ((long) (region.getLastRow() - region.getFirstRow() + 1)
                        * (region.getLastColumn() - region.getFirstColumn() + 1) > 10_000) {
                    continue;
                }
                for (int r = region.getFirstRow(); r <= region.getLastRow(); r++) {
                    for (int c = region.getFirstColumn(); c <= region.getLastColumn(); c++) {
                        regions.put(key(r, c), region);
                    }
                }
            }
        }

        void read(StringBuilder text, List<TableGrid> tables) throws ExtractionException {
            int first = Math.max(0, sheet.getFirstRowNum());
            int last = sheet.getLastRowNum();
            int r = first;
            while (r <= last) {
                Interruption.check();
                if (text.length() > maxCharacters) {
                    throw new ExtractionException(FailureReason.TOO_LARGE,
                            "more than " + maxCharacters + " characters of text");
                }
                if (isTableRow(r)) {
                    int end = r;
                    while (end + 1 <= last && isTableRow(end + 1)) {
                        end++;
                    }
                    TableGridBuilder grid = table(r, end);
                    if (!grid.isEmpty()) {
                        tables.add(new TableGrid(grid.rows(), text.length()));
                        text.append(grid.text());
                    }
                    r = end + 1;
                } else {
                    String line = line(r);
                    if (!line.isEmpty()) {
                        text.append(line).append('\n');
                    }
                    r++;
                }
            }
        }

        /** A ruled row, or one with values in two or more cells that are not one merged region. */
        private boolean isTableRow(int r) {
            Row row = sheet.getRow(r);
            if (row == null) {
                return false;
            }
            int values = 0;
            for (Cell cell : row) {
                if (ruled(cell.getCellStyle())) {
                    return true;
                }
                CellRangeAddress region = regions.get(key(r, cell.getColumnIndex()));
                boolean origin = region == null
                        || (region.getFirstRow() == r && region.getFirstColumn() == cell.getColumnIndex());
                if (origin && !text(cell).isEmpty()) {
                    values++;
                }
            }
            return values >= 2;
        }

        private static boolean ruled(CellStyle style) {
            return style != null && (style.getBorderTop() != BorderStyle.NONE
                    || style.getBorderBottom() != BorderStyle.NONE || style.getBorderLeft() != BorderStyle.NONE
                    || style.getBorderRight() != BorderStyle.NONE);
        }

        /** A row that is not part of a table: its cells' texts in order, one line. */
        private String line(int r) {
            Row row = sheet.getRow(r);
            if (row == null) {
                return "";
            }
            StringBuilder line = new StringBuilder();
            for (Cell cell : row) {
                String value = text(cell).replace('\t', ' ');
                if (!value.isEmpty()) {
                    if (line.length() > 0) {
                        line.append(' ');
                    }
                    line.append(value);
                }
            }
            return line.toString().strip();
        }

        /** Rows {@code top}..{@code bottom} as a grid over the columns any of them uses. */
        private TableGridBuilder table(int top, int bottom) {
            int left = Integer.MAX_VALUE;
            int right = -1;
            for (int r = top; r <= bottom; r++) {
                Row row = sheet.getRow(r);
                for (Cell cell : row) {
                    if (ruled(cell.getCellStyle()) || !text(cell).isEmpty()) {
                        CellRangeAddress region = regions.get(key(r, cell.getColumnIndex()));
                        left = Math.min(left, region == null ? cell.getColumnIndex() : region.getFirstColumn());
                        right = Math.max(right, region == null ? cell.getColumnIndex() : region.getLastColumn());
                    }
                }
            }
            TableGridBuilder grid = new TableGridBuilder();
            for (int r = top; r <= bottom; r++) {
                Row row = sheet.getRow(r);
                grid.startRow();
                for (int c = left; c <= right; c++) {
                    CellRangeAddress region = regions.get(key(r, c));
                    if (region == null) {
                        Cell cell = row.getCell(c);
                        grid.addCell(cell == null ? "" : text(cell), 1, 1);
                        continue;
                    }
                    int firstRow = Math.max(region.getFirstRow(), top);
                    int firstColumn = Math.max(region.getFirstColumn(), left);
                    if (r == firstRow && c == firstColumn) {
                        Row originRow = sheet.getRow(region.getFirstRow());
                        Cell origin = originRow == null ? null : originRow.getCell(region.getFirstColumn());
                        int rowspan = Math.min(region.getLastRow(), bottom) - r + 1;
                        int colspan = Math.min(region.getLastColumn(), right) - c + 1;
                        grid.addCell(origin == null ? "" : text(origin), rowspan, colspan);
                    }
                    // other positions of the region are filled by the spanning cell
                }
                grid.endRow();
            }
            return grid;
        }

        private String text(Cell cell) {
            return CellText.flatten(formatter.formatCellValue(cell));
        }

        private static long key(int row, int column) {
            return ((long) row << 20) | column;
        }
    }
}

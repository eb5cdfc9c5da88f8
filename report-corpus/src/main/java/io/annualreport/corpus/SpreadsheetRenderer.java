package io.annualreport.corpus;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import io.annualreport.corpus.Part.Block;
import io.annualreport.corpus.Part.Paragraph;
import io.annualreport.corpus.Part.TableBlock;

/**
 * Renders a report as a spreadsheet, as agencies that keep their report in WPS Spreadsheets or Excel save it: one
 * sheet (or a sheet per part), each paragraph a row of its own (in column A, or merged across the table width), each table a block of
 * ruled cells with merged regions for spanning cells and whole numbers stored as numbers, a blank row after each
 * table. Written as an Excel 97 workbook (the layout of {@code .xls} and of {@code .et} files saved for Excel) or as
 * {@code .xlsx}.
 */
public final class SpreadsheetRenderer {

    /** The two workbook layouts. */
    public enum Layout {
        /** Excel 97 (BIFF8), also what WPS Spreadsheets writes into an {@code .et} file saved for Excel. */
        EXCEL_97,
        /** Office Open XML ({@code .xlsx}). */
        XLSX
    }

    private static final int MERGED_PARAGRAPH_WIDTH = 8;

    /**
     * The workbook's bytes.
     *
     * @param mergeParagraphs whether each paragraph's cell is merged across the table width (otherwise it sits in
     *     column A and overflows to the right, as pasted text does)
     */
    public byte[] render(GeneratedReport report, Noise noise, Layout layout, boolean mergeParagraphs) {
        return render(report, noise, layout, mergeParagraphs, false);
    }

    /**
     * The workbook's bytes.
     *
     * @param mergeParagraphs whether each paragraph's cell is merged across the table width (otherwise it sits in
     *     column A and overflows to the right, as pasted text does)
     * @param sheetPerPart whether each of the six parts is on a sheet of its own, named by its heading (title and
     *     preamble on the first sheet), as offices split a long workbook
     */
    public byte[] render(GeneratedReport report, Noise noise, Layout layout, boolean mergeParagraphs,
            boolean sheetPerPart) {
        LabelStyler styler = new LabelStyler(report, noise);
        TableLayouts layouts = new TableLayouts(report, styler);
        try (Workbook workbook = layout == Layout.XLSX ? new XSSFWorkbook() : new HSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("年报");
            CellStyle ruled = workbook.createCellStyle();
            ruled.setBorderTop(BorderStyle.THIN);
            ruled.setBorderBottom(BorderStyle.THIN);
            ruled.setBorderLeft(BorderStyle.THIN);
            ruled.setBorderRight(BorderStyle.THIN);
            ruled.setWrapText(true);
            Writer writer = new Writer(sheet, ruled, mergeParagraphs);
            if (!styler.has(NoiseKind.MISSING_TITLE) && !styler.has(NoiseKind.CITED_NOTICE_FIRST)) {
                writer.paragraph(DocumentText.title(report, styler));
            }
            writer.paragraph(DocumentText.preamble(report));
            for (Part part : DocumentText.printedParts(report, styler)) {
                if (sheetPerPart) {
                    writer = new Writer(workbook.createSheet(sheetName(workbook, part.heading())), ruled,
                            mergeParagraphs);
                }
                writer.paragraph(part.heading());
                for (Block block : part.blocks()) {
                    if (block instanceof Paragraph p) {
                        writer.paragraph(p.text());
                    } else if (block instanceof TableBlock t) {
                        writer.table(layouts.table(t.table()));
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the spreadsheet of " + report.identity().title(), e);
        }
    }

    /** A sheet name from a part's heading: at most 31 characters, none of Excel's forbidden ones, unique. */
    private static String sheetName(Workbook workbook, String heading) {
        String base = heading.replaceAll("[\\\\/?*\\[\\]:]", "").strip();
        base = base.isEmpty() ? "第" + (workbook.getNumberOfSheets() + 1) + "部分" : base;
        base = base.length() > 28 ? base.substring(0, 28) : base;
        String name = base;
        for (int n = 2; workbook.getSheet(name) != null; n++) {
            name = base + n;
        }
        return name;
    }

    /** Appends rows to the sheet. */
    private static final class Writer {

        private final Sheet sheet;
        private final CellStyle ruled;
        private final boolean mergeParagraphs;
        private int next;

        Writer(Sheet sheet, CellStyle ruled, boolean mergeParagraphs) {
            this.sheet = sheet;
            this.ruled = ruled;
            this.mergeParagraphs = mergeParagraphs;
        }

        void paragraph(String text) {
            for (String line : text.split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                int r = next++;
                sheet.createRow(r).createCell(0).setCellValue(line);
                if (mergeParagraphs) {
                    sheet.addMergedRegion(new CellRangeAddress(r, r, 0, MERGED_PARAGRAPH_WIDTH - 1));
                }
            }
        }

        void table(SpanTable layout) {
            List<List<SpanTable.Slot>> grid = layout.expand();
            int top = next;
            for (List<SpanTable.Slot> slots : grid) {
                Row row = sheet.createRow(next++);
                for (int c = 0; c < slots.size(); c++) {
                    Cell cell = row.createCell(c);
                    cell.setCellStyle(ruled);
                    SpanTable.Slot slot = slots.get(c);
                    if (!slot.covered()) {
                        value(cell, slot.text());
                    }
                }
            }
            for (int r = 0; r < grid.size(); r++) {
                List<SpanTable.Slot> slots = grid.get(r);
                for (int c = 0; c < slots.size(); c++) {
                    SpanTable.Slot slot = slots.get(c);
                    if (!slot.covered() && (slot.rowspan() > 1 || slot.colspan() > 1)) {
                        sheet.addMergedRegion(new CellRangeAddress(top + r, top + r + slot.rowspan() - 1, c,
                                c + slot.colspan() - 1));
                    }
                }
            }
            next++; // a blank row after the table
        }

        /** A whole number as a number (as typed into a spreadsheet), anything else as text; blank stays blank. */
        private static void value(Cell cell, String text) {
            if (text.isEmpty()) {
                return;
            }
            if (text.matches("0|[1-9][0-9]{0,8}")) {
                cell.setCellValue(Long.parseLong(text));
            } else {
                cell.setCellValue(text);
            }
        }
    }
}

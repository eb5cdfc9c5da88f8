package io.annualreport.corpus;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

import io.annualreport.corpus.Part.Block;
import io.annualreport.corpus.Part.Paragraph;
import io.annualreport.corpus.Part.TableBlock;

/** Renders a report as a Word document: paragraphs, and XWPF tables whose spanning cells are merged. */
final class DocxRenderer {

    private static final int TABLE_WIDTH_TWIPS = 9_000;

    private final GeneratedReport report;
    private final LabelStyler styler;
    private final TableLayouts layouts;

    DocxRenderer(GeneratedReport report, Noise noise) {
        this.report = report;
        this.styler = new LabelStyler(report, noise);
        this.layouts = new TableLayouts(report, styler);
    }

    byte[] render() {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            if (!styler.has(NoiseKind.MISSING_TITLE) && !styler.has(NoiseKind.CITED_NOTICE_FIRST)) {
                paragraph(doc, DocumentText.title(report, styler), true, 18);
            }
            paragraph(doc, DocumentText.preamble(report), false, 0);
            for (Part part : DocumentText.printedParts(report, styler)) {
                paragraph(doc, part.heading(), true, 14);
                for (Block block : part.blocks()) {
                    if (block instanceof Paragraph p) {
                        paragraph(doc, p.text(), p.subheading(), 0);
                    } else if (block instanceof TableBlock t) {
                        table(doc, layouts.table(t.table()));
                    }
                }
            }
            doc.getProperties().getCoreProperties().setCreated(Optional.of(fixedTime()));
            doc.write(out);
            return withFixedEntryTimes(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the DOCX of " + report.identity().title(), e);
        }
    }

    /** A creation time that depends on the report only, so the same report always yields the same bytes. */
    private Date fixedTime() {
        return Date.from(LocalDate.of(report.identity().year() + 1, 1, 15).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /** The package re-zipped with every entry stamped with the fixed time instead of the time of writing. */
    private byte[] withFixedEntryTimes(byte[] docx) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(docx.length);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(docx));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(fixedTime().getTime());
                zip.putNextEntry(copy);
                in.transferTo(zip);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static void paragraph(XWPFDocument doc, String text, boolean bold, int fontSize) {
        XWPFRun run = doc.createParagraph().createRun();
        run.setText(text);
        run.setBold(bold);
        if (fontSize > 0) {
            run.setFontSize(fontSize);
        }
    }

    /** A Word table: spanning columns as gridSpan, spanning rows as vMerge, as Word itself writes merged cells. */
    private static void table(XWPFDocument doc, SpanTable layout) {
        List<List<SpanTable.Slot>> grid = layout.expand();
        XWPFTable table = doc.createTable(grid.size(), 1);
        CTTblGrid tblGrid = table.getCTTbl().getTblGrid() != null
                ? table.getCTTbl().getTblGrid()
                : table.getCTTbl().addNewTblGrid();
        while (tblGrid.sizeOfGridColArray() > 0) {
            tblGrid.removeGridCol(0);
        }
        for (int width : columnWidths(layout.width())) {
            tblGrid.addNewGridCol().setW(BigInteger.valueOf(width));
        }
        for (int r = 0; r < grid.size(); r++) {
            XWPFTableRow row = table.getRow(r);
            int cells = 0;
            for (SpanTable.Slot slot : grid.get(r)) {
                if (slot.colOffset() > 0) {
                    continue;
                }
                XWPFTableCell cell = cells++ == 0 ? row.getCell(0) : row.addNewTableCell();
                if (slot.rowOffset() == 0) {
                    write(cell, slot.text());
                }
                CTTcPr properties = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
                if (slot.colspan() > 1) {
                    properties.addNewGridSpan().setVal(BigInteger.valueOf(slot.colspan()));
                }
                if (slot.rowspan() > 1) {
                    properties.addNewVMerge().setVal(slot.rowOffset() == 0 ? STMerge.RESTART : STMerge.CONTINUE);
                }
            }
        }
        doc.createParagraph();
    }

    /** Column widths in twips: wide label columns for T2 and T3, even columns for T4. */
    private static int[] columnWidths(int columns) {
        int[] widths = new int[columns];
        int labelWidth = columns == 4 ? 3_000 : columns == 10 ? 4_200 : 0;
        int labelColumns = columns == 4 ? 1 : columns == 10 ? 3 : 0;
        for (int c = 0; c < columns; c++) {
            widths[c] = c < labelColumns
                    ? (columns == 10 && c < 2 ? 900 : labelWidth - (labelColumns - 1) * 900)
                    : (TABLE_WIDTH_TWIPS - labelWidth) / (columns - labelColumns);
        }
        return widths;
    }

    private static void write(XWPFTableCell cell, String text) {
        XWPFParagraph paragraph = cell.getParagraphs().get(0);
        XWPFRun run = paragraph.createRun();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                run.addBreak();
            }
            run.setText(lines[i], i);
        }
    }
}

package io.annualreport.corpus;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

import io.annualreport.corpus.Part.Block;
import io.annualreport.corpus.Part.Paragraph;
import io.annualreport.corpus.Part.TableBlock;

/** Renders a report as a Word document: paragraphs, and XWPF tables whose spanning cells are merged. */
final class DocxRenderer {

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
            paragraph(doc, report.identity().title(), true, 18);
            paragraph(doc, DocumentText.preamble(report), false, 0);
            for (Part part : report.parts()) {
                paragraph(doc, DocumentText.heading(part, styler), true, 14);
                for (Block block : part.blocks()) {
                    if (block instanceof Paragraph p) {
                        paragraph(doc, p.text(), p.subheading(), 0);
                    } else if (block instanceof TableBlock t) {
                        table(doc, layouts.table(t.table()));
                    }
                }
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the DOCX of " + report.identity().title(), e);
        }
    }

    private static void paragraph(XWPFDocument doc, String text, boolean bold, int fontSize) {
        XWPFRun run = doc.createParagraph().createRun();
        run.setText(text);
        run.setBold(bold);
        if (fontSize > 0) {
            run.setFontSize(fontSize);
        }
    }

    private static void table(XWPFDocument doc, SpanTable layout) {
        List<List<SpanTable.Slot>> grid = layout.expand();
        XWPFTable table = doc.createTable(grid.size(), layout.width());
        for (int r = 0; r < grid.size(); r++) {
            for (int c = 0; c < layout.width(); c++) {
                SpanTable.Slot slot = grid.get(r).get(c);
                XWPFTableCell cell = table.getRow(r).getCell(c);
                if (!slot.covered()) {
                    write(cell, slot.text());
                }
                CTTcPr properties = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
                if (slot.colspan() > 1) {
                    properties.addNewHMerge().setVal(slot.colOffset() == 0 ? STMerge.RESTART : STMerge.CONTINUE);
                }
                if (slot.rowspan() > 1) {
                    properties.addNewVMerge().setVal(slot.rowOffset() == 0 ? STMerge.RESTART : STMerge.CONTINUE);
                }
            }
        }
        doc.createParagraph();
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

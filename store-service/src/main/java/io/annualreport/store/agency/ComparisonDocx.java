package io.annualreport.store.agency;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * The comparison of two years of one agency as a Word document in Chinese: the tables as printed with changed cells
 * shaded and their change, then the narrative part by part with added, removed and changed paragraphs and the changed
 * numbers highlighted.
 */
public final class ComparisonDocx {

    private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");
    private static final String FONT = "宋体";

    private ComparisonDocx() {
    }

    /** The document's title. */
    public static String title(YearComparison.Comparison c) {
        return c.agencyName() + c.fromYear() + "年与" + c.toYear() + "年政府信息公开工作年度报告对比";
    }

    /** The .docx bytes of a comparison. */
    public static byte[] write(YearComparison.Comparison c) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFParagraph title = doc.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            run(title, title(c), true, 16, null);
            XWPFParagraph summary = doc.createParagraph();
            long changedParagraphs = c.parts().stream().mapToLong(YearComparison.PartComparison::changes).sum();
            run(summary, "对比报告：" + c.fromYear() + "年（" + c.fromReportId() + "）与" + c.toYear() + "年（"
                    + c.toReportId() + "）。表格变化单元格" + c.changedCells() + "个，正文变化段落" + changedParagraphs
                    + "段。变化单元格以黄色底纹标出，格式为“上年 → 本年（增减）”。", false, 10, null);
            heading(doc, "一、表格对比");
            for (YearComparison.TableComparison t : c.tables()) {
                table(doc, t);
            }
            heading(doc, "二、正文对比");
            for (YearComparison.PartComparison part : c.parts()) {
                XWPFParagraph h = doc.createParagraph();
                run(h, part.heading() + (part.changes() == 0 ? "（无变化）" : "（变化" + part.changes() + "段）"), true,
                        11, null);
                for (YearComparison.ParagraphChange p : part.paragraphs()) {
                    if (p.kind().equals("SAME")) {
                        continue;
                    }
                    XWPFParagraph para = doc.createParagraph();
                    switch (p.kind()) {
                        case "ADDED" -> {
                            run(para, "【新增】", true, 10, "00AA00");
                            highlighted(para, p.after(), p.changedNumbers());
                        }
                        case "REMOVED" -> {
                            run(para, "【删除】", true, 10, "CC0000");
                            XWPFRun r = para.createRun();
                            r.setText(p.before());
                            r.setStrikeThrough(true);
                            r.setFontFamily(FONT);
                        }
                        default -> {
                            run(para, "【修改】上年：", true, 10, "1F4E79");
                            run(para, p.before(), false, 10, null);
                            XWPFParagraph now = doc.createParagraph();
                            run(now, "本年：", true, 10, "1F4E79");
                            highlighted(now, p.after(), p.changedNumbers());
                        }
                    }
                }
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void heading(XWPFDocument doc, String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setSpacingBefore(200);
        run(p, text, true, 13, null);
    }

    private static void table(XWPFDocument doc, YearComparison.TableComparison t) {
        XWPFParagraph caption = doc.createParagraph();
        run(caption, t.title(), true, 11, null);
        XWPFTable table = doc.createTable(t.rows().size() + 1, t.columns().size() + 1);
        table.setWidth("100%");
        XWPFTableRow header = table.getRow(0);
        text(header.getCell(0), "项目", true);
        for (int i = 0; i < t.columns().size(); i++) {
            text(header.getCell(i + 1), t.columns().get(i), true);
        }
        for (int r = 0; r < t.rows().size(); r++) {
            YearComparison.RowComparison row = t.rows().get(r);
            XWPFTableRow line = table.getRow(r + 1);
            text(line.getCell(0), row.label(), false);
            for (int i = 0; i < row.cells().size(); i++) {
                YearComparison.CellChange cell = row.cells().get(i);
                XWPFTableCell target = line.getCell(i + 1);
                if (cell.changed()) {
                    text(target, cell.before() + " → " + cell.after()
                            + (cell.delta() == null ? "" : "（" + signed(cell.delta().toPlainString()) + "）"), false);
                    target.setColor("FFF2CC");
                } else {
                    text(target, cell.after(), false);
                }
            }
        }
    }

    private static String signed(String delta) {
        return delta.startsWith("-") ? delta : "+" + delta;
    }

    private static void text(XWPFTableCell cell, String text, boolean bold) {
        XWPFParagraph p = cell.getParagraphs().get(0);
        run(p, text == null ? "" : text, bold, 9, null);
    }

    private static void highlighted(XWPFParagraph p, String text, List<String> numbers) {
        Matcher m = NUMBER.matcher(text);
        int at = 0;
        while (m.find()) {
            if (numbers.contains(m.group())) {
                run(p, text.substring(at, m.start()), false, 10, null);
                XWPFRun r = run(p, m.group(), true, 10, "C00000");
                r.setTextHighlightColor("yellow");
                at = m.end();
            }
        }
        run(p, text.substring(at), false, 10, null);
    }

    private static XWPFRun run(XWPFParagraph p, String text, boolean bold, int size, String color) {
        XWPFRun r = p.createRun();
        r.setText(text);
        r.setBold(bold);
        r.setFontSize(size);
        r.setFontFamily(FONT);
        if (color != null) {
            r.setColor(color);
        }
        return r;
    }
}

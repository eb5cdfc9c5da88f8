package io.annualreport.corpus;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/** The readable text of a rendered file, for assertions: tags stripped from HTML, paragraphs and cells from DOCX. */
final class RenderedText {

    private RenderedText() {
    }

    static String of(byte[] bytes, Format format) {
        return switch (format) {
            case TEXT, MARKDOWN -> new String(bytes, StandardCharsets.UTF_8);
            case HTML -> new String(bytes, StandardCharsets.UTF_8).replaceAll("<[^>]+>", "\n").replace("&quot;", "\"")
                    .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
            case DOCX -> docx(bytes);
        };
    }

    private static String docx(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            for (XWPFParagraph p : doc.getParagraphs()) {
                text.append(p.getText()).append('\n');
            }
            for (XWPFTable table : doc.getTables()) {
                for (XWPFTableRow row : table.getRows()) {
                    for (XWPFTableCell cell : row.getTableCells()) {
                        text.append(cell.getText()).append('\t');
                    }
                    text.append('\n');
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}

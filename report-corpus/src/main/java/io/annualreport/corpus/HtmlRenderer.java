package io.annualreport.corpus;

import io.annualreport.corpus.Part.Block;
import io.annualreport.corpus.Part.Paragraph;
import io.annualreport.corpus.Part.TableBlock;

/** Renders a report as an HTML article page with real tables, rowspan and colspan as in the official layout. */
final class HtmlRenderer {

    private final GeneratedReport report;
    private final LabelStyler styler;
    private final TableLayouts layouts;

    HtmlRenderer(GeneratedReport report, Noise noise) {
        this.report = report;
        this.styler = new LabelStyler(report, noise);
        this.layouts = new TableLayouts(report, styler);
    }

    String render() {
        StringBuilder out = new StringBuilder();
        String title = escape(DocumentText.title(report, styler));
        out.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"UTF-8\">\n<title>").append(title)
                .append("</title>\n</head>\n<body>\n<div class=\"article\">\n");
        if (!styler.has(NoiseKind.MISSING_TITLE) && !styler.has(NoiseKind.CITED_NOTICE_FIRST)) {
            out.append("<h1>").append(title).append("</h1>\n");
        }
        out.append("<p>").append(escape(DocumentText.preamble(report))).append("</p>\n");
        for (Part part : DocumentText.printedParts(report, styler)) {
            out.append("<h2>").append(escape(part.heading())).append("</h2>\n");
            for (Block block : part.blocks()) {
                if (block instanceof Paragraph p) {
                    out.append(p.subheading() ? "<h3>" : "<p>").append(escape(p.text()))
                            .append(p.subheading() ? "</h3>\n" : "</p>\n");
                } else if (block instanceof TableBlock t) {
                    table(out, layouts.table(t.table()));
                }
            }
        }
        return out.append("</div>\n</body>\n</html>\n").toString();
    }

    private static void table(StringBuilder out, SpanTable table) {
        out.append("<table border=\"1\" cellspacing=\"0\" cellpadding=\"0\">\n<tbody>\n");
        for (SpanTable.Row row : table.rows()) {
            out.append("<tr>");
            for (SpanTable.Cell cell : row.cells()) {
                out.append("<td");
                if (cell.rowspan() > 1) {
                    out.append(" rowspan=\"").append(cell.rowspan()).append('"');
                }
                if (cell.colspan() > 1) {
                    out.append(" colspan=\"").append(cell.colspan()).append('"');
                }
                out.append('>').append(escape(cell.text()).replace("\n", "<br/>")).append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table>\n");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

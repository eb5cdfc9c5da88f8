package io.annualreport.corpus;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.annualreport.corpus.Part.Block;
import io.annualreport.corpus.Part.Paragraph;
import io.annualreport.corpus.Part.TableBlock;
import io.annualreport.model.template.RowDef;
import io.annualreport.model.template.TableId;
import io.annualreport.model.template.TemplateRegistry;

/** Renders a report as plain text with tab-separated table rows, the shape of a PDF or DOCX text extraction. */
final class TextRenderer {

    private static final int WRAP_WIDTH = 26;

    private final GeneratedReport report;
    private final LabelStyler styler;
    private final TableLayouts layouts;
    private final boolean markdown;

    TextRenderer(GeneratedReport report, Noise noise, boolean markdown) {
        this.report = report;
        this.styler = new LabelStyler(report, noise);
        this.layouts = new TableLayouts(report, styler);
        this.markdown = markdown;
    }

    String render() {
        StringBuilder out = new StringBuilder();
        out.append(head()).append("\n\n");
        for (Part part : report.parts()) {
            out.append(part(part)).append("\n\n");
        }
        return out.toString();
    }

    /** The title and preamble. */
    String head() {
        String preamble = DocumentText.preamble(report);
        if (styler.has(NoiseKind.CITED_NOTICE_FIRST)) {
            return markdown ? preamble : wrapped(preamble);
        }
        if (styler.has(NoiseKind.MISSING_TITLE)) {
            return preamble;
        }
        return (markdown ? "# " : "") + DocumentText.title(report, styler) + "\n\n" + preamble;
    }

    /** A paragraph cut into lines of a fixed width, as text extracted from a PDF page is. */
    private static String wrapped(String paragraph) {
        StringBuilder out = new StringBuilder();
        for (int at = 0; at < paragraph.length(); at += WRAP_WIDTH) {
            out.append(at == 0 ? "" : "\n").append(paragraph, at, Math.min(paragraph.length(), at + WRAP_WIDTH));
        }
        return out.toString();
    }

    /** One part: heading line, then its paragraphs and tables. */
    String part(Part part) {
        List<String> lines = new ArrayList<>();
        String heading = (markdown ? "## " : "") + DocumentText.heading(part, styler);
        lines.add(heading);
        lines.add("");
        if (part.number() == 1 && styler.has(NoiseKind.DUPLICATED_HEADING)) {
            lines.add(heading);
            lines.add("");
        }
        for (Block block : part.blocks()) {
            if (block instanceof Paragraph p) {
                lines.add((markdown && p.subheading() ? "### " : "") + p.text());
                if (markdown) {
                    lines.add("");
                }
            } else if (block instanceof TableBlock t) {
                lines.addAll(table(layouts.table(t.table()), t.table()));
                lines.add("");
            }
        }
        while (lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return String.join("\n", lines);
    }

    private List<String> table(SpanTable table, TableId id) {
        List<List<SpanTable.Slot>> grid = table.expand();
        Set<String> shifted = markdown || !styler.has(NoiseKind.SHIFTED_ROWS) ? Set.of() : shiftedRows();
        List<String> lines = new ArrayList<>();
        if (markdown && styler.has(NoiseKind.JUNK_HEADER_ROW)) {
            lines.add(pipe(Collections.nCopies(table.width(), "")));
            lines.add(separator(table.width()));
        }
        boolean vertical = !markdown && id == TableId.T4 && styler.has(NoiseKind.VERTICAL_HEADER);
        for (int i = 0; i < grid.size(); i++) {
            SpanTable.Row row = table.rows().get(i);
            if (vertical && i == 1) {
                lines.addAll(verticalT4Header(grid));
            }
            if (vertical && (i == 1 || i == 2)) {
                continue;
            }
            List<String> cells = grid.get(i).stream().map(SpanTable.Slot::text)
                    .collect(Collectors.toCollection(ArrayList::new));
            if (row.rowKey() != null && shifted.contains(row.rowKey())) {
                boolean nested = cells.get(0).isEmpty() && cells.get(1).isEmpty();
                while (cells.get(0).isEmpty()) {
                    cells.remove(0);
                }
                if (nested) {
                    cells.add(1, "");
                }
            }
            if (row.rowKey() != null && styler.has(NoiseKind.EXTRA_TRAILING_ZERO, row.rowKey())) {
                cells.add("0");
            }
            lines.add(markdown ? pipe(cells) : String.join("\t", cells));
            if (markdown && i == 0 && !styler.has(NoiseKind.JUNK_HEADER_ROW)) {
                lines.add(separator(table.width()));
            }
        }
        return lines;
    }

    /**
     * The T4 outcome headers as OCR reads narrow cells: one character per line, the group labels above them (seed
     * 002).
     */
    private static List<String> verticalT4Header(List<List<SpanTable.Slot>> grid) {
        List<SpanTable.Slot> top = grid.get(1);
        List<SpanTable.Slot> bottom = grid.get(2);
        int width = top.size();
        List<String> groups = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            boolean outcomeOnTop = top.get(c).rowspan() > 1;
            groups.add(outcomeOnTop ? "" : top.get(c).text());
            labels.add(outcomeOnTop ? top.get(c).text() : bottom.get(c).text());
        }
        List<String> lines = new ArrayList<>();
        lines.add(String.join("\t", groups));
        int height = labels.stream().mapToInt(String::length).max().orElse(0);
        for (int k = 0; k < height; k++) {
            List<String> cells = new ArrayList<>();
            for (String label : labels) {
                int offset = (height - label.length()) / 2;
                int at = k - offset;
                cells.add(at >= 0 && at < label.length() ? String.valueOf(label.charAt(at)) : "");
            }
            lines.add(String.join("\t", cells));
        }
        return lines;
    }

    private Set<String> shiftedRows() {
        List<RowDef> rows = TemplateRegistry.t3Rows(report.edition());
        List<String> other = rows.stream().filter(r -> r.groups().size() > 1 && r.groups().get(1).contains("其他处理"))
                .map(RowDef::key).toList();
        Set<String> keys = new HashSet<>(other.isEmpty() ? List.of() : other.subList(1, other.size()));
        keys.add("total_handled");
        return keys;
    }

    private static String pipe(List<String> cells) {
        return "| " + String.join(" | ", cells) + " |";
    }

    private static String separator(int width) {
        return "|" + " --- |".repeat(width);
    }
}

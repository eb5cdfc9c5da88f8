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
        for (Part part : DocumentText.printedParts(report, styler)) {
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
        String heading = (markdown ? "## " : "") + part.heading();
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
        if (markdown && id != TableId.T2 && toolMarkdown()) {
            return id == TableId.T3 ? toolT3(table) : toolT4(table);
        }
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

    /** Whether the tables are to be written as OCR and language-model tools write markdown. */
    private boolean toolMarkdown() {
        return styler.has(NoiseKind.HEADER_TABLES) || styler.has(NoiseKind.PLACEHOLDER_ROWS)
                || styler.has(NoiseKind.GENERIC_COLUMNS) || styler.has(NoiseKind.SPLIT_TABLES)
                || styler.has(NoiseKind.FOREIGN_HEADER);
    }

    /**
     * T3 as tools write it: header rows as tables of their own (HEADER_TABLES), generic column names
     * (GENERIC_COLUMNS, also under HEADER_TABLES and SPLIT_TABLES), a row of "-" under each header
     * (PLACEHOLDER_ROWS), the table cut into several (SPLIT_TABLES) and its last rows under a header of row labels
     * (FOREIGN_HEADER).
     */
    private List<String> toolT3(SpanTable table) {
        List<List<SpanTable.Slot>> grid = table.expand();
        int width = table.width();
        int labelColumns = width - TemplateRegistry.t3Columns().size();
        boolean generic = styler.has(NoiseKind.GENERIC_COLUMNS) || styler.has(NoiseKind.HEADER_TABLES)
                || styler.has(NoiseKind.SPLIT_TABLES);
        List<String> lines = new ArrayList<>();
        int firstData = 0;
        while (table.rows().get(firstData).rowKey() == null) {
            firstData++;
        }
        if (styler.has(NoiseKind.HEADER_TABLES)) {
            // the lowest header row (the five kinds of 法人或其他组织) as a table of its own, under a caption
            List<String> detail = texts(grid.get(firstData - 1)).stream().filter(t -> !t.isEmpty()).toList();
            lines.add("### 申请人情况（法人或其他组织）");
            lines.add("");
            lines.add(pipe(detail));
            lines.add(separator(detail.size()));
            lines.add(pipe(Collections.nCopies(detail.size(), "-")));
            lines.add("");
        }
        List<String> header = generic ? genericHeader(true, TemplateRegistry.t3Columns().size()) : null;
        if (generic) {
            lines.addAll(tableHead(header));
        } else {
            for (int i = 0; i < firstData; i++) {
                lines.add(pipe(texts(grid.get(i))));
                if (i == 0) {
                    lines.add(separator(width));
                }
            }
            if (styler.has(NoiseKind.PLACEHOLDER_ROWS)) {
                lines.add(pipe(Collections.nCopies(width, "-")));
            }
        }
        Set<Integer> cuts = cuts();
        List<RowDef> rows = TemplateRegistry.t3Rows(report.edition());
        for (int i = firstData; i < grid.size(); i++) {
            int dataIndex = i - firstData;
            String key = table.rows().get(i).rowKey();
            if (styler.has(NoiseKind.FOREIGN_HEADER) && "total_handled".equals(key)) {
                // a header made of the labels of the rows above, taken by the tool for the table's columns
                List<String> foreign = new ArrayList<>();
                foreign.add("项目");
                for (int k = dataIndex - 6; k < dataIndex; k++) {
                    foreign.add(rows.get(k).label());
                }
                foreign.add("总计");
                lines.add("");
                lines.addAll(tableHead(foreign));
            } else if (cuts.contains(dataIndex)) {
                lines.add("");
                lines.addAll(tableHead(generic ? header : texts(grid.get(firstData - 1))));
            }
            List<String> cells = texts(grid.get(i));
            if (generic) {
                String label = String.join(" ", cells.subList(0, labelColumns).stream().filter(t -> !t.isEmpty())
                        .toList());
                List<String> joined = new ArrayList<>();
                joined.add(label);
                joined.addAll(cells.subList(labelColumns, cells.size()));
                cells = joined;
            }
            lines.add(pipe(cells));
        }
        return lines;
    }

    /** T4 as tools write it: see {@link #toolT3}; split, it is three tables of five, each with a caption. */
    private List<String> toolT4(SpanTable table) {
        List<List<SpanTable.Slot>> grid = table.expand();
        List<String> values = texts(grid.get(grid.size() - 1));
        List<String> outcomes = TemplateRegistry.t4Columns().stream().map(c -> c.label()).toList();
        List<String> lines = new ArrayList<>();
        if (styler.has(NoiseKind.SPLIT_TABLES)) {
            String[] captions = {"行政复议", "行政诉讼（未经复议直接起诉）", "行政诉讼（复议后起诉）"};
            for (int g = 0; g < 3; g++) {
                lines.add("**" + captions[g] + "**");
                lines.add("");
                lines.addAll(tableHead(outcomes.subList(g * 5, g * 5 + 5)));
                lines.add(pipe(values.subList(g * 5, g * 5 + 5)));
                if (g < 2) {
                    lines.add("");
                }
            }
            return lines;
        }
        if (styler.has(NoiseKind.HEADER_TABLES)) {
            lines.add(pipe(List.of("行政复议", "行政诉讼")));
            lines.add(separator(2));
            lines.add(pipe(List.of("-", "-")));
            lines.add("");
        }
        if (styler.has(NoiseKind.GENERIC_COLUMNS) || styler.has(NoiseKind.HEADER_TABLES)) {
            lines.addAll(tableHead(genericHeader(false, values.size())));
        } else {
            for (int i = 0; i < grid.size() - 1; i++) {
                lines.add(pipe(texts(grid.get(i))));
                if (i == 0) {
                    lines.add(separator(values.size()));
                }
            }
            if (styler.has(NoiseKind.PLACEHOLDER_ROWS)) {
                lines.add(pipe(Collections.nCopies(values.size(), "-")));
            }
        }
        lines.add(pipe(values));
        return lines;
    }

    /** A table's header line and separator, with a row of "-" under it when PLACEHOLDER_ROWS is planned. */
    private List<String> tableHead(List<String> header) {
        List<String> lines = new ArrayList<>();
        lines.add(pipe(header));
        lines.add(separator(header.size()));
        if (styler.has(NoiseKind.PLACEHOLDER_ROWS)) {
            lines.add(pipe(Collections.nCopies(header.size(), "-")));
        }
        return lines;
    }

    /** Generic column names: "项目" for the label column when there is one, then 数据1 … 数据N. */
    private static List<String> genericHeader(boolean labelColumn, int values) {
        List<String> header = new ArrayList<>();
        if (labelColumn) {
            header.add("项目");
        }
        for (int i = 1; i <= values; i++) {
            header.add("数据" + i);
        }
        return header;
    }

    /** The T3 rows (0-based among the data rows) before which SPLIT_TABLES starts a new table. */
    private Set<Integer> cuts() {
        String detail = styler.detail(NoiseKind.SPLIT_TABLES);
        if (detail == null) {
            return Set.of();
        }
        return java.util.Arrays.stream(detail.split(",")).map(Integer::valueOf).collect(Collectors.toSet());
    }

    private static List<String> texts(List<SpanTable.Slot> slots) {
        return slots.stream().map(SpanTable.Slot::text).collect(Collectors.toCollection(ArrayList::new));
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

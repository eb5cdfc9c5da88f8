package io.annualreport.store.agency;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;

import io.annualreport.model.history.PreviousYearSnapshot;
import io.annualreport.model.report.Cell;
import io.annualreport.model.report.Section;
import io.annualreport.model.template.ColumnDef;
import io.annualreport.model.template.Edition;
import io.annualreport.model.template.RowDef;
import io.annualreport.model.template.SubTableDef;
import io.annualreport.model.template.TemplateRegistry;

/**
 * Two years of one agency side by side: T2, T3 and T4 as printed with every changed cell and its change, and the
 * narrative compared part by part, paragraph by paragraph (added, removed, changed, with the numbers that changed).
 * Plain Java over two {@link PreviousYearSnapshot}s.
 */
public final class YearComparison {

    private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");
    private static final String[] PART_NAMES = {"一", "二", "三", "四", "五", "六"};

    /** One cell of both years. */
    public record CellChange(String key, String before, String after, BigDecimal delta, boolean changed) {
    }

    /** One printed row of a table of both years. */
    public record RowComparison(String key, String label, List<CellChange> cells) {
    }

    /** One printed table (or T2 sub-table) of both years. */
    public record TableComparison(String table, String title, List<String> columns, List<RowComparison> rows) {
    }

    /** One paragraph of a part: {@code SAME}, {@code ADDED}, {@code REMOVED} or {@code CHANGED}. */
    public record ParagraphChange(String kind, String before, String after, List<String> changedNumbers) {
    }

    /** One of the six parts of both years. */
    public record PartComparison(int number, String heading, List<ParagraphChange> paragraphs) {

        /** How many paragraphs are not the same. */
        public long changes() {
            return paragraphs.stream().filter(p -> !p.kind().equals("SAME")).count();
        }
    }

    /** The comparison of year {@code from} with year {@code to}. */
    public record Comparison(long agencyId, String agencyName, int fromYear, String fromReportId, int toYear,
            String toReportId, List<TableComparison> tables, List<PartComparison> parts, int changedCells) {
    }

    private YearComparison() {
    }

    /** Compares the earlier snapshot {@code from} with the later {@code to}. */
    public static Comparison compare(PreviousYearSnapshot from, PreviousYearSnapshot to) {
        Edition edition = to.identity() != null && to.identity().edition() != null
                ? to.identity().edition()
                : Edition.E2021;
        List<TableComparison> tables = new ArrayList<>();
        for (SubTableDef sub : TemplateRegistry.t2(edition)) {
            tables.add(table("T2", sub.heading(), sub.rows(), sub.columns(), from.cells(), to.cells()));
        }
        tables.add(table("T3", "三、收到和处理政府信息公开申请情况", TemplateRegistry.t3Rows(edition),
                TemplateRegistry.t3Columns(), from.cells(), to.cells()));
        tables.add(table("T4", "四、政府信息公开行政复议、行政诉讼情况", List.of(TemplateRegistry.t4Row()),
                TemplateRegistry.t4Columns(), from.cells(), to.cells()));
        int changed = 0;
        for (TableComparison t : tables) {
            for (RowComparison r : t.rows()) {
                changed += (int) r.cells().stream().filter(CellChange::changed).count();
            }
        }
        List<PartComparison> parts = new ArrayList<>();
        for (int n = 1; n <= 6; n++) {
            Section before = section(from.sections(), n);
            Section after = section(to.sections(), n);
            if (before == null && after == null) {
                continue;
            }
            String heading = after != null && after.heading() != null
                    ? after.heading()
                    : before != null && before.heading() != null ? before.heading() : PART_NAMES[n - 1] + "、";
            parts.add(new PartComparison(n, heading, paragraphs(paragraphsOf(before), paragraphsOf(after))));
        }
        return new Comparison(to.agencyId(), to.agencyName(), from.year(), from.reportId(), to.year(), to.reportId(),
                tables, parts, changed);
    }

    private static TableComparison table(String table, String title, List<RowDef> rows, List<ColumnDef> columns,
            Map<String, Cell> before, Map<String, Cell> after) {
        String prefix = table.toLowerCase();
        List<RowComparison> out = new ArrayList<>();
        for (RowDef row : rows) {
            List<CellChange> cells = new ArrayList<>();
            for (ColumnDef column : columns) {
                String key = prefix + "." + row.key() + "." + column.key();
                cells.add(change(key, before.get(key), after.get(key)));
            }
            out.add(new RowComparison(row.key(), row.label(), cells));
        }
        return new TableComparison(table, title, columns.stream().map(ColumnDef::label).toList(), out);
    }

    static CellChange change(String key, Cell before, Cell after) {
        String a = printed(before);
        String b = printed(after);
        BigDecimal x = before == null ? null : before.value();
        BigDecimal y = after == null ? null : after.value();
        boolean changed = x != null && y != null ? x.compareTo(y) != 0 : !a.equals(b);
        BigDecimal delta = x != null && y != null && changed ? y.subtract(x).stripTrailingZeros() : null;
        return new CellChange(key, a, b, delta, changed);
    }

    private static String printed(Cell cell) {
        if (cell == null) {
            return "";
        }
        if (cell.raw() != null && !cell.raw().isBlank()) {
            return cell.raw().strip();
        }
        return cell.value() == null ? "" : cell.value().toPlainString();
    }

    private static Section section(List<Section> sections, int number) {
        return sections.stream().filter(s -> s.number() == number).findFirst().orElse(null);
    }

    private static List<String> paragraphsOf(Section section) {
        if (section == null || section.text() == null) {
            return List.of();
        }
        return Arrays.stream(section.text().split("\\R")).map(String::strip).filter(p -> !p.isEmpty()).toList();
    }

    /** The paragraphs of both years aligned by a plain line diff. */
    static List<ParagraphChange> paragraphs(List<String> before, List<String> after) {
        Patch<String> patch = DiffUtils.diff(before, after);
        List<ParagraphChange> out = new ArrayList<>();
        int at = 0;
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            for (; at < delta.getSource().getPosition(); at++) {
                out.add(new ParagraphChange("SAME", before.get(at), before.get(at), List.of()));
            }
            List<String> removed = delta.getSource().getLines();
            List<String> added = delta.getTarget().getLines();
            int pairs = Math.min(removed.size(), added.size());
            for (int i = 0; i < pairs; i++) {
                out.add(new ParagraphChange("CHANGED", removed.get(i), added.get(i),
                        changedNumbers(removed.get(i), added.get(i))));
            }
            for (int i = pairs; i < removed.size(); i++) {
                out.add(new ParagraphChange("REMOVED", removed.get(i), null, List.of()));
            }
            for (int i = pairs; i < added.size(); i++) {
                out.add(new ParagraphChange("ADDED", null, added.get(i), numbers(added.get(i))));
            }
            at += removed.size();
        }
        for (; at < before.size(); at++) {
            out.add(new ParagraphChange("SAME", before.get(at), before.get(at), List.of()));
        }
        return out;
    }

    /** The numbers of the later text that the earlier one does not have as often. */
    static List<String> changedNumbers(String before, String after) {
        Map<String, Integer> left = new HashMap<>();
        numbers(before).forEach(n -> left.merge(n, 1, Integer::sum));
        List<String> out = new ArrayList<>();
        for (String n : numbers(after)) {
            if (left.merge(n, -1, Integer::sum) < 0 && !out.contains(n)) {
                out.add(n);
            }
        }
        return out;
    }

    private static List<String> numbers(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }
}

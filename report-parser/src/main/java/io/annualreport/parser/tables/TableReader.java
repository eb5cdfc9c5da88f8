package io.annualreport.parser.tables;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.annualreport.model.report.Cell;
import io.annualreport.model.report.CellSemantic;
import io.annualreport.model.report.Edition;
import io.annualreport.model.report.ParseWarning;
import io.annualreport.model.template.ColumnDef;
import io.annualreport.model.template.RowDef;
import io.annualreport.model.template.SubTableDef;
import io.annualreport.model.template.TableId;
import io.annualreport.model.template.TemplateRegistry;
import io.annualreport.parser.text.SourceLine;

/** Reads T2, T3 and T4 into canonical cells keyed as the template registry defines them. */
public final class TableReader {

    private static final String[] T3_SUB_ROW_MARKERS = {"逾期不补正", "缴纳费用", "逾期未按收费"};
    private static final String T3_SINGLE_ROW_MARKER = "其他处理";
    private static final String OTHER_HANDLING = "other_handling";
    private static final String TOTAL_HANDLED = "total_handled";
    /** A T3 row: six applicant columns and their total. */
    private static final int T3_COLUMNS = 7;
    /** A T4 group (行政复议, 未经复议直接起诉, 复议后起诉): four outcomes and their total. */
    private static final int T4_GROUP = 5;

    private TableReader() {
    }

    /**
     * Reads the three tables.
     *
     * @param tableLines the lines to read tables from (text lines, or markup table rows)
     * @param textLines the text lines, for provenance
     */
    public static Map<String, Cell> read(List<SourceLine> tableLines, List<SourceLine> textLines, TableRegions regions,
            Edition edition, List<ParseWarning> warnings) {
        Map<String, Cell> cells = new LinkedHashMap<>();
        CellWriter writer = new CellWriter(textLines, cells, warnings);
        if (regions.t2Start() >= 0) {
            readT2(tableLines, regions, edition, writer, warnings);
        } else {
            warnings.add(new ParseWarning("TABLE_MISSING", "t2", "table 二 (第二十条) not found"));
        }
        if (regions.t3Start() >= 0) {
            readT3(tableLines, regions, edition, writer, warnings);
        } else {
            warnings.add(new ParseWarning("TABLE_MISSING", "t3", "table 三 (收到和处理政府信息公开申请) not found"));
        }
        if (regions.t4Start() >= 0) {
            readT4(tableLines, regions, writer, warnings);
        } else {
            warnings.add(new ParseWarning("TABLE_MISSING", "t4", "table 四 (行政复议、行政诉讼) not found"));
        }
        return cells;
    }

    private static void readT2(List<SourceLine> lines, TableRegions regions, Edition edition, CellWriter writer,
            List<ParseWarning> warnings) {
        String region = compact(lines, regions.t2Start(), regions.t2End());
        Edition t2Edition = t2Edition(region, edition);
        List<SubTableDef> subTables = TemplateRegistry.t2(t2Edition);
        List<RowDef> rows = new ArrayList<>();
        List<List<ColumnDef>> columns = new ArrayList<>();
        for (SubTableDef sub : subTables) {
            for (RowDef row : sub.rows()) {
                rows.add(row);
                columns.add(sub.columns());
            }
        }
        List<Block> blocks = BlockBuilder.build(lines, regions.t2Start(), regions.t2End());
        String prefix = TableId.T2.prefix();
        int[] match = RowAligner.align(blocks, rows, prefix, warnings);
        for (int r = 0; r < rows.size(); r++) {
            if (match[r] >= 0) {
                Block block = blocks.get(match[r]);
                writer.write(prefix, rows.get(r), columns.get(r), block, 0, false, headerInYuan(block.label()));
            }
        }
    }

    private static boolean headerInYuan(String label) {
        return (label.contains("单位:元") || label.contains("(元)")) && !label.contains("万元");
    }

    private static Edition t2Edition(String region, Edition edition) {
        if (edition == Edition.E2019 || edition == Edition.E2021) {
            return edition;
        }
        boolean old = region.contains("新制作") || region.contains("上一年") || region.contains("集中采购");
        return old ? Edition.E2019 : Edition.E2021;
    }

    private static void readT3(List<SourceLine> lines, TableRegions regions, Edition edition, CellWriter writer,
            List<ParseWarning> warnings) {
        String region = compact(lines, regions.t3Start(), regions.t3End());
        List<ParseWarning> layoutWarnings = new ArrayList<>();
        List<RowDef> rows = t3Rows(region, edition, layoutWarnings);
        List<Block> blocks = BlockBuilder.build(lines, regions.t3Start(), regions.t3End());
        String prefix = TableId.T3.prefix();
        List<ParseWarning> alignWarnings = new ArrayList<>();
        int[] match = RowAligner.align(blocks, rows, prefix, alignWarnings);
        if (rowsAfterSingleOtherHandling(blocks, rows, match)) {
            // 三(六) printed with sub-rows whose labels are not legible: read them as sub-rows, by position
            layoutWarnings.clear();
            alignWarnings.clear();
            rows = TemplateRegistry.t3Rows(Edition.E2021);
            match = RowAligner.align(blocks, rows, prefix, alignWarnings);
        }
        warnings.addAll(layoutWarnings);
        warnings.addAll(alignWarnings);
        ColumnLayout layout = ColumnLayout.learn(blocks, TemplateRegistry.t3Columns().size());
        for (int r = 0; r < rows.size(); r++) {
            if (match[r] >= 0) {
                writer.write(prefix, rows.get(r), TemplateRegistry.t3Columns(), blocks.get(match[r]), T3_COLUMNS, true,
                        false, layout);
            }
        }
    }

    /** Whether unmatched printed rows sit between a single-row 三(六) and （七）总计, i.e. 三(六) has sub-rows after all. */
    private static boolean rowsAfterSingleOtherHandling(List<Block> blocks, List<RowDef> rows, int[] match) {
        int other = -1;
        int total = -1;
        for (int r = 0; r < rows.size(); r++) {
            if (rows.get(r).key().equals(OTHER_HANDLING)) {
                other = match[r];
            } else if (rows.get(r).key().equals(TOTAL_HANDLED)) {
                total = match[r];
            }
        }
        if (other < 0 || total < 0) {
            return false;
        }
        int between = 0;
        for (int b = other + 1; b < total; b++) {
            if (blocks.get(b).hasValues()) {
                between++;
            }
        }
        return between >= 2;
    }

    private static List<RowDef> t3Rows(String region, Edition edition, List<ParseWarning> warnings) {
        boolean subRows = false;
        for (String marker : T3_SUB_ROW_MARKERS) {
            subRows |= region.contains(marker);
        }
        boolean singleRow = !subRows && region.contains(T3_SINGLE_ROW_MARKER);
        boolean printedAs2019 = singleRow || !subRows && edition == Edition.E2019;
        if (printedAs2019 && edition != Edition.E2019) {
            if (singleRow) {
                warnings.add(new ParseWarning("T3_SINGLE_ROW_OTHER_HANDLING", "t3.other_handling",
                        "三(六)其他处理 is printed as one row (2019 layout) in a " + edition.code() + " report"));
            }
        }
        Edition rowEdition = printedAs2019 ? Edition.E2019 : Edition.E2021;
        return TemplateRegistry.t3Rows(rowEdition);
    }

    private static void readT4(List<SourceLine> lines, TableRegions regions, CellWriter writer,
            List<ParseWarning> warnings) {
        List<Block> blocks = BlockBuilder.build(lines, regions.t4Start(), regions.t4End());
        Block best = null;
        int bestCount = 0;
        for (Block block : blocks) {
            int count = (int) block.values().stream()
                    .filter(t -> t.value().semantic() != CellSemantic.EMPTY).count();
            if (count > bestCount) {
                best = block;
                bestCount = count;
            }
        }
        String prefix = TableId.T4.prefix();
        if (best == null) {
            warnings.add(new ParseWarning("ROW_MISSING", prefix + ".all", "table 四 has no data row"));
            return;
        }
        writer.write(prefix, TemplateRegistry.t4Row(), TemplateRegistry.t4Columns(), best, T4_GROUP, false, false);
    }

    private static String compact(List<SourceLine> lines, int from, int to) {
        StringBuilder out = new StringBuilder();
        for (int i = Math.max(0, from); i < Math.min(to, lines.size()); i++) {
            out.append(lines.get(i).compact());
        }
        return out.toString();
    }
}

package io.annualreport.parser.tables;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.annualreport.model.report.Cell;
import io.annualreport.model.report.CellSemantic;
import io.annualreport.model.report.ParseWarning;
import io.annualreport.model.report.ReadingStatus;
import io.annualreport.model.report.TableReading;
import io.annualreport.model.report.Unread;
import io.annualreport.model.report.UnreadReason;
import io.annualreport.model.template.ColumnDef;
import io.annualreport.model.template.Edition;
import io.annualreport.model.template.RowDef;
import io.annualreport.model.template.SubTableDef;
import io.annualreport.model.template.TableId;
import io.annualreport.model.template.TemplateRegistry;
import io.annualreport.model.text.TextFolding;
import io.annualreport.parser.text.SourceLine;
import io.annualreport.parser.text.Traces;

/**
 * Reads T2, T3 and T4 into canonical cells keyed as the template registry defines them, and says for each table what
 * was read and what was not, with the reason for every row left unread.
 */
public final class TableReader {

    private static final String[] T3_SUB_ROW_MARKERS = {"逾期不补正", "缴纳费用", "逾期未按收费"};
    private static final String T3_SINGLE_ROW_MARKER = "其他处理";
    private static final String OTHER_HANDLING = "other_handling";
    private static final String TOTAL_HANDLED = "total_handled";
    /** A T3 row: six applicant columns and their total. */
    private static final int T3_COLUMNS = 7;
    /** A T4 group (行政复议, 未经复议直接起诉, 复议后起诉): four outcomes and their total. */
    private static final int T4_GROUP = 5;
    /** Words printed only in each table (headers, row labels), for telling a table unread from one not printed. */
    private static final Map<TableId, List<String>> TABLE_MARKERS = Map.of(
            TableId.T2, List.of("第二十条", "本年新制作", "本年新公开", "对外公开总数量", "处理决定数量", "采购总金额", "本年制发件数",
                    "现行有效件数", "行政规范性文件", "行政事业性收费", "政府集中采购"),
            TableId.T3, List.of("申请人情况", "本年新收", "上年结转", "结转下年度", "本年度办理结果", "不予公开", "予以公开",
                    "法律服务机构", "社会公益组织"),
            TableId.T4, List.of("结果维持", "结果纠正", "尚未审结", "未经复议直接起诉", "复议后起诉", "其他结果"));
    private static final Pattern ITEM_NUMBER = Pattern.compile("^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\\d+[.、．])");

    private TableReader() {
    }

    /**
     * What the reader knows about the document as a whole when reading its tables.
     *
     * @param complete false when the file is damaged or the text ends inside a table: nothing after the cut is absent
     * @param textCut whether the text ends inside the last table, so that its rows after the cut are truncated
     * @param ocr whether any page was read by OCR
     */
    public record Context(boolean complete, boolean textCut, boolean ocr) {
    }

    /** The cells read and the reading of each table (T2, T3, T4 in order). */
    public record Result(Map<String, Cell> cells, List<TableReading> readings) {
    }

    /** Reads the three tables of a sound, fully extracted text. */
    public static Map<String, Cell> read(List<SourceLine> tableLines, List<SourceLine> textLines, TableRegions regions,
            Edition edition, List<ParseWarning> warnings) {
        return read(tableLines, textLines, regions, edition, new Context(true, false, false), warnings).cells();
    }

    /**
     * Reads the three tables.
     *
     * @param tableLines the lines to read tables from (text lines, or markup table rows)
     * @param textLines the text lines, for provenance and for traces of labels
     */
    public static Result read(List<SourceLine> tableLines, List<SourceLine> textLines, TableRegions regions,
            Edition edition, Context context, List<ParseWarning> warnings) {
        Map<String, Cell> cells = new LinkedHashMap<>();
        CellWriter writer = new CellWriter(textLines, cells, warnings);
        TableId last = lastTable(regions);
        Reading reading = new Reading(textLines, context);
        List<TableReading> readings = new ArrayList<>();
        if (regions.t2Start() >= 0) {
            readings.add(readT2(tableLines, regions, edition, writer, warnings, reading.cutIf(last == TableId.T2)));
        } else {
            warnings.add(new ParseWarning("TABLE_MISSING", "t2", "table 二 (第二十条) not found"));
            readings.add(
                    reading.notFound(TableId.T2, t2Rows(edition == Edition.E2019 ? Edition.E2019 : Edition.E2021)));
        }
        if (regions.t3Start() >= 0) {
            readings.add(readT3(tableLines, regions, edition, writer, warnings, reading.cutIf(last == TableId.T3)));
        } else {
            warnings.add(new ParseWarning("TABLE_MISSING", "t3", "table 三 (收到和处理政府信息公开申请) not found"));
            readings.add(reading.notFound(TableId.T3,
                    rowsWithColumns(TemplateRegistry.t3Rows(edition == Edition.E2019 ? Edition.E2019 : Edition.E2021),
                            TemplateRegistry.t3Columns())));
        }
        if (regions.t4Start() >= 0) {
            readings.add(readT4(tableLines, regions, writer, warnings, reading.cutIf(last == TableId.T4)));
        } else {
            warnings.add(new ParseWarning("TABLE_MISSING", "t4", "table 四 (行政复议、行政诉讼) not found"));
            readings.add(reading.notFound(TableId.T4,
                    rowsWithColumns(List.of(TemplateRegistry.t4Row()), TemplateRegistry.t4Columns())));
        }
        List<TableReading> counted = new ArrayList<>();
        for (TableReading table : readings) {
            counted.add(Reading.counted(table, cells));
        }
        return new Result(cells, counted);
    }

    /** The table printed last, whose rows a text cut short loses. */
    private static TableId lastTable(TableRegions regions) {
        TableId last = null;
        int start = -1;
        int[] starts = {regions.t2Start(), regions.t3Start(), regions.t4Start()};
        for (int t = 0; t < starts.length; t++) {
            if (starts[t] > start) {
                start = starts[t];
                last = TableId.values()[t];
            }
        }
        return last;
    }

    /** A template row with the columns of its (sub-)table. */
    record RowColumns(RowDef row, List<ColumnDef> columns) {
    }

    private static List<RowColumns> t2Rows(Edition t2Edition) {
        List<RowColumns> rows = new ArrayList<>();
        for (SubTableDef sub : TemplateRegistry.t2(t2Edition)) {
            for (RowDef row : sub.rows()) {
                rows.add(new RowColumns(row, sub.columns()));
            }
        }
        return rows;
    }

    private static List<RowColumns> rowsWithColumns(List<RowDef> rows, List<ColumnDef> columns) {
        return rows.stream().map(r -> new RowColumns(r, columns)).toList();
    }

    private static TableReading readT2(List<SourceLine> lines, TableRegions regions, Edition edition,
            CellWriter writer, List<ParseWarning> warnings, Reading reading) {
        String region = compact(lines, regions.t2Start(), regions.t2End());
        Edition t2Edition = t2Edition(region, edition);
        List<RowColumns> template = t2Rows(t2Edition);
        List<RowDef> rows = template.stream().map(RowColumns::row).toList();
        List<Block> blocks = BlockBuilder.build(lines, regions.t2Start(), regions.t2End());
        String prefix = TableId.T2.prefix();
        RowAligner.Alignment alignment = RowAligner.alignRows(blocks, rows, prefix, warnings);
        int[] match = alignment.match();
        Unread[] outcomes = new Unread[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            if (match[r] >= 0) {
                Block block = blocks.get(match[r]);
                outcomes[r] = writer.write(prefix, rows.get(r), template.get(r).columns(), block, 0, false,
                        headerInYuan(block.label()), null, alignment.byPosition()[r]);
            }
        }
        return reading.table(TableId.T2, regions.t2FoundBy(), template, match, outcomes);
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

    private static TableReading readT3(List<SourceLine> lines, TableRegions regions, Edition edition,
            CellWriter writer, List<ParseWarning> warnings, Reading reading) {
        String region = compact(lines, regions.t3Start(), regions.t3End());
        List<ParseWarning> layoutWarnings = new ArrayList<>();
        List<RowDef> rows = t3Rows(region, edition, layoutWarnings);
        List<Block> blocks = BlockBuilder.build(lines, regions.t3Start(), regions.t3End());
        String prefix = TableId.T3.prefix();
        List<ParseWarning> alignWarnings = new ArrayList<>();
        RowAligner.Alignment alignment = RowAligner.alignRows(blocks, rows, prefix, alignWarnings);
        if (rowsAfterSingleOtherHandling(blocks, rows, alignment.match())) {
            // 三(六) printed with sub-rows whose labels are not legible: read them as sub-rows, by position
            layoutWarnings.clear();
            alignWarnings.clear();
            rows = TemplateRegistry.t3Rows(Edition.E2021);
            alignment = RowAligner.alignRows(blocks, rows, prefix, alignWarnings);
        }
        int[] match = alignment.match();
        warnings.addAll(layoutWarnings);
        warnings.addAll(alignWarnings);
        ColumnLayout layout = ColumnLayout.learn(blocks, TemplateRegistry.t3Columns().size());
        if (layout == null) {
            layout = ColumnLayout.lastCells(blocks, TemplateRegistry.t3Columns().size());
        }
        Unread[] outcomes = new Unread[rows.size()];
        int rowsWithBlanks = 0;
        for (int r = 0; r < rows.size(); r++) {
            if (match[r] >= 0 && layout != null && layout.leavesBlank(blocks.get(match[r]))) {
                rowsWithBlanks++;
            }
        }
        Integer width = commonWidth(blocks);
        for (int r = 0; r < rows.size(); r++) {
            if (match[r] >= 0) {
                Block block = blocks.get(match[r]);
                // blanks are trusted when another row leaves cells blank too, or when the row prints a value and
                // has the width of the table's rows of cells (no cell dropped before its last)
                boolean blanksElsewhere = rowsWithBlanks > 1 || !block.positional()
                        || block.values().stream().anyMatch(t -> t.value().semantic() != CellSemantic.EMPTY)
                                && (width == null || width.equals(lastCell(block)));
                outcomes[r] = writer.write(prefix, rows.get(r), TemplateRegistry.t3Columns(), block, T3_COLUMNS, true,
                        false, layout, alignment.byPosition()[r], blanksElsewhere);
            }
        }
        return reading.table(TableId.T3, regions.t3FoundBy(), rowsWithColumns(rows, TemplateRegistry.t3Columns()),
                match, outcomes);
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

    private static TableReading readT4(List<SourceLine> lines, TableRegions regions, CellWriter writer,
            List<ParseWarning> warnings, Reading reading) {
        List<Block> blocks = withoutPlaceholders(BlockBuilder.build(lines, regions.t4Start(), regions.t4End()));
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
        List<RowColumns> template = rowsWithColumns(List.of(TemplateRegistry.t4Row()), TemplateRegistry.t4Columns());
        Block blankRow = best == null || printsOnlyDashes(best)
                ? blankValueRow(lines, regions.t4Start(), regions.t4End())
                : null;
        if (best == null || blankRow != null && blankRow.firstLine() > best.firstLine()) {
            // no row prints a value; or the only one prints "-" under the header and a blank row follows it: the
            // dashes are a tool's placeholder for the header, the blank row is the table's row
            best = blankRow;
        } else {
            best = valueLineOnly(best);
        }
        if (best == null) {
            warnings.add(new ParseWarning("ROW_MISSING", prefix + ".all", "table 四 has no data row"));
            Unread noData = new Unread(prefix + "." + TemplateRegistry.t4Row().key(),
                    UnreadReason.NUMBERS_NOT_PLACEABLE, "表四的表头已找到，但其下没有数据行");
            return reading.table(TableId.T4, regions.t4FoundBy(), template, new int[]{0}, new Unread[]{noData});
        }
        Unread outcome;
        List<Block> groups = bestCount < TemplateRegistry.t4Columns().size() ? groupTables(blocks) : null;
        if (groups != null) {
            // T4 printed as three small tables (行政复议, 未经复议直接起诉, 复议后起诉), as converters split it
            Block joined = new Block();
            groups.forEach(g -> g.values().stream().filter(t -> t.value().semantic() != CellSemantic.EMPTY)
                    .forEach(joined::addValue));
            // the captions, in order (a caption may be read as the tail of the label above its table)
            String labels = groups.get(0).label() + "|" + groups.get(1).label() + "|" + groups.get(2).label();
            int review = labels.indexOf("复议");
            int direct = labels.indexOf("直接起诉");
            int afterReview = labels.indexOf("复议后起诉");
            boolean captioned = review >= 0 && review < direct && direct < afterReview;
            warnings.add(new ParseWarning("T4_SPLIT_INTO_GROUPS", prefix, "table 四 printed as three tables of five;"
                    + (captioned
                            ? " joined by their captions"
                            : " joined in the national order, captions not legible")));
            outcome = writer.write(prefix, TemplateRegistry.t4Row(), TemplateRegistry.t4Columns(), joined, T4_GROUP,
                    false, false, null, !captioned);
        } else {
            outcome = writer.write(prefix, TemplateRegistry.t4Row(), TemplateRegistry.t4Columns(), best, T4_GROUP,
                    false, false);
        }
        return reading.table(TableId.T4, regions.t4FoundBy(), template, new int[]{0}, new Unread[]{outcome});
    }

    private static boolean printsOnlyDashes(Block block) {
        return block.values().stream().filter(t -> t.value().semantic() != CellSemantic.EMPTY)
                .allMatch(t -> t.value().semantic() == CellSemantic.NOT_APPLICABLE);
    }

    /**
     * The T4 row of a tab-separated or markup table as the one line that prints its values: blank cells of a header
     * line above it (an outcome header printed one character per line ends in blank cells) are not its cells.
     */
    private static Block valueLineOnly(Block block) {
        if (!block.positional() || block.fromGrid()) {
            return block;
        }
        List<Token> values = block.values();
        int line = -1;
        for (Token token : values) {
            if (token.value().semantic() != CellSemantic.EMPTY) {
                line = token.line();
            }
        }
        int valueLine = line;
        if (line < 0 || values.stream().allMatch(t -> t.line() == valueLine)) {
            return block;
        }
        Block row = new Block();
        values.stream().filter(t -> t.line() == valueLine).forEach(row::addValue);
        row.markPositional();
        return row;
    }

    /**
     * The T4 value row printed with every cell blank: the last positional line of the region (markup or tab-separated
     * cells) that has exactly one blank cell per column and nothing else, after a line naming the outcomes. Null when
     * there is none.
     */
    private static Block blankValueRow(List<SourceLine> lines, int from, int to) {
        Block row = null;
        boolean afterHeader = false;
        for (int i = Math.max(0, from); i < Math.min(to, lines.size()); i++) {
            SourceLine line = lines.get(i);
            // the outcome header, or its last line when printed one character per line (a line of single characters)
            if (line.compact().contains("总计") || line.compact().contains("尚未审结")
                    || LineTokenizer.isPositional(line)
                            && LineTokenizer.tokens(line).stream().anyMatch(Token::isLabel)) {
                afterHeader = true;
                continue;
            }
            if (!afterHeader || !LineTokenizer.isPositional(line)) {
                continue;
            }
            List<Token> tokens = LineTokenizer.tokens(line);
            boolean allBlank = tokens.size() == TemplateRegistry.t4Columns().size()
                    && tokens.stream().allMatch(t -> !t.isLabel() && t.value().semantic() == CellSemantic.EMPTY);
            if (allBlank) {
                row = new Block();
                tokens.forEach(row::addValue);
            }
        }
        return row;
    }

    /**
     * The blocks without placeholder rows, when some block prints a number: a row of "-" cells only (no number) under
     * a header is what markdown tools put where a table's header was, not a row of "not applicable" cells, once the
     * table prints its numbers in another row.
     */
    private static List<Block> withoutPlaceholders(List<Block> blocks) {
        boolean numbers = blocks.stream().anyMatch(b -> b.values().stream().anyMatch(t -> t.value().value() != null));
        if (!numbers) {
            return blocks;
        }
        return blocks.stream().filter(b -> b.values().stream().anyMatch(t -> t.value().value() != null)
                || b.values().stream().noneMatch(t -> t.value().semantic() == CellSemantic.NOT_APPLICABLE))
                .toList();
    }

    /** The three rows of five printed values each, in order, when T4 is printed as three tables; otherwise null. */
    private static List<Block> groupTables(List<Block> blocks) {
        List<Block> groups = new ArrayList<>();
        for (Block block : blocks) {
            long printed = block.values().stream().filter(t -> t.value().semantic() != CellSemantic.EMPTY).count();
            if (printed == T4_GROUP) {
                groups.add(block);
            } else if (printed > 0) {
                return null;
            }
        }
        return groups.size() == 3 ? groups : null;
    }

    /** Builds the reading of each table and explains every row left unread. */
    private static final class Reading {

        private final List<SourceLine> textLines;
        private final Context context;
        private final boolean cut;

        Reading(List<SourceLine> textLines, Context context) {
            this(textLines, context, false);
        }

        private Reading(List<SourceLine> textLines, Context context, boolean cut) {
            this.textLines = textLines;
            this.context = context;
            this.cut = cut;
        }

        /** The same, for the table the text ends in when it is cut short. */
        Reading cutIf(boolean lastTable) {
            return new Reading(textLines, context, lastTable && context.textCut());
        }

        /** The reading of a table that was located; outcome null where the matched row was written. */
        TableReading table(TableId table, String foundBy, List<RowColumns> template, int[] match, Unread[] outcomes) {
            int lastWritten = -1;
            for (int r = 0; r < template.size(); r++) {
                if (match[r] >= 0 && outcomes[r] == null) {
                    lastWritten = r;
                }
            }
            List<Unread> unread = new ArrayList<>();
            int rowsRead = 0;
            for (int r = 0; r < template.size(); r++) {
                RowDef row = template.get(r).row();
                String key = table.prefix() + "." + row.key();
                boolean afterCut = cut && r > lastWritten;
                if (match[r] < 0) {
                    unread.add(afterCut ? truncated(key) : missing(key, row));
                } else if (outcomes[r] != null) {
                    unread.add(afterCut ? truncated(key) : outcomes[r]);
                } else {
                    rowsRead++;
                }
            }
            return new TableReading(table, null, foundBy, template.size(), rowsRead, cellsOf(template), 0, 0,
                    unread);
        }

        /** The reading of a table whose region was not found: unread if any trace of it is printed, else absent. */
        TableReading notFound(TableId table, List<RowColumns> template) {
            int trace = Traces.find(textLines, TABLE_MARKERS.get(table));
            List<Unread> unread = new ArrayList<>();
            for (RowColumns rc : template) {
                String key = table.prefix() + "." + rc.row().key();
                if (!context.complete()) {
                    unread.add(truncated(key));
                } else {
                    unread.add(missing(key, rc.row()));
                }
            }
            ReadingStatus status = trace < 0 && context.complete()
                    ? ReadingStatus.ABSENT
                    : ReadingStatus.PRESENT_UNREAD;
            return new TableReading(table, status, null, template.size(), 0, cellsOf(template), 0, 0, unread);
        }

        private static Unread truncated(String key) {
            return new Unread(key, UnreadReason.TRUNCATED, "文件或文本在表格中途结束，此行在缺失的部分");
        }

        /** Why a row of the template has no printed row: its label is somewhere but unplaced, unreadable, or not there. */
        private Unread missing(String key, RowDef row) {
            int trace = Traces.find(textLines, needles(row));
            if (trace >= 0) {
                return new Unread(key, UnreadReason.NUMBERS_NOT_PLACEABLE,
                        "行标签见于第" + (trace + 1) + "行，但未能与其数字对应");
            }
            if (context.ocr()) {
                return new Unread(key, UnreadReason.OCR_LOW_CONFIDENCE, "OCR未能识读出行标签「" + row.label() + "」");
            }
            return new Unread(key, UnreadReason.NO_LABEL, "全文未找到行标签「" + row.label() + "」或其变体");
        }

        /** The row's label without its item number, its variants and its longer keywords, in compact form. */
        private static List<String> needles(RowDef row) {
            List<String> needles = new ArrayList<>();
            needles.add(TextFolding.compact(ITEM_NUMBER.matcher(TextFolding.compact(row.label())).replaceFirst("")));
            for (String variant : row.variants()) {
                needles.add(TextFolding.compact(ITEM_NUMBER.matcher(TextFolding.compact(variant)).replaceFirst("")));
            }
            for (String keyword : row.keywords()) {
                if (keyword.length() >= 3) {
                    needles.add(TextFolding.compact(keyword));
                }
            }
            return needles.stream().filter(n -> n.length() >= 2).distinct().toList();
        }

        private static int cellsOf(List<RowColumns> template) {
            return template.stream().mapToInt(rc -> rc.columns().size()).sum();
        }

        /** The reading with its cells counted from what was written, and its status. */
        static TableReading counted(TableReading table, Map<String, Cell> cells) {
            String prefix = table.table().prefix() + ".";
            int read = 0;
            int doubtful = 0;
            for (Map.Entry<String, Cell> cell : cells.entrySet()) {
                if (cell.getKey().startsWith(prefix)) {
                    read++;
                    if (!cell.getValue().isCertain()) {
                        doubtful++;
                    }
                }
            }
            ReadingStatus status = table.status();
            if (status == null) {
                status = read >= table.cellsExpected() && table.unread().isEmpty()
                        ? ReadingStatus.READ
                        : read > 0 ? ReadingStatus.PARTLY_READ : ReadingStatus.PRESENT_UNREAD;
            }
            return new TableReading(table.table(), status, table.foundBy(), table.rowsExpected(), table.rowsRead(),
                    table.cellsExpected(), read, doubtful, table.unread());
        }
    }

    private static String compact(List<SourceLine> lines, int from, int to) {
        StringBuilder out = new StringBuilder();
        for (int i = Math.max(0, from); i < Math.min(to, lines.size()); i++) {
            out.append(lines.get(i).compact());
        }
        return out.toString();
    }

    /** The cell index of a row of cells' last cell, or null when the row is not positional or prints no cell. */
    private static Integer lastCell(Block block) {
        if (!block.positional() || block.values().isEmpty()) {
            return null;
        }
        Float x = block.values().get(block.values().size() - 1).x();
        return x == null ? null : Math.round(x);
    }

    /** The last cell index most rows of cells share, or null when no row is positional. */
    private static Integer commonWidth(List<Block> blocks) {
        Map<Integer, Integer> widths = new HashMap<>();
        for (Block block : blocks) {
            Integer last = lastCell(block);
            if (last != null) {
                widths.merge(last, 1, Integer::sum);
            }
        }
        return widths.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }
}

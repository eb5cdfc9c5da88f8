package io.annualreport.corpus;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import io.annualreport.model.report.Cell;
import io.annualreport.model.report.CellSemantic;
import io.annualreport.model.template.Edition;
import io.annualreport.model.template.RowDef;
import io.annualreport.model.template.TemplateRegistry;

/** Plans the noise of one report; blank and "/" cells are written into the truth cells right away. */
final class NoisePlanner {

    private static final Set<Format> ALL_FORMATS = Set.copyOf(EnumSet.allOf(Format.class));
    private static final Set<Format> LINE_FORMATS = Set.of(Format.TEXT, Format.MARKDOWN);
    private static final List<String[]> OCR_SWAPS = List.of(new String[]{"公开", "公幵"}, new String[]{"申请", "申谙"},
            new String[]{"信息", "信怠"}, new String[]{"处理", "处埋"}, new String[]{"政府", "政俯"},
            new String[]{"提供", "提洪"}, new String[]{"办理", "办埋"}, new String[]{"属于", "属干"});

    private final Random random;
    private final Edition edition;
    private final Map<String, Cell> cells;
    private final Set<String> rowsTaken = new HashSet<>();

    NoisePlanner(Random random, Edition edition, Map<String, Cell> cells) {
        this.random = random;
        this.edition = edition;
        this.cells = cells;
    }

    List<InjectedNoise> plan(Noise noise) {
        List<InjectedNoise> planned = new ArrayList<>();
        List<RowDef> rows = TemplateRegistry.t3Rows(edition);
        if (noise.has(NoiseKind.WRAPPED_LABEL) && chance(40)) {
            planned.add(rowNoise(NoiseKind.WRAPPED_LABEL, "partially_disclosed", "只计这一情形", ALL_FORMATS));
            if (edition == Edition.E2021 && random.nextBoolean()) {
                planned.add(rowNoise(NoiseKind.WRAPPED_LABEL, "other_no_correction", "行政机关不再处理", ALL_FORMATS));
            }
        }
        if (noise.has(NoiseKind.OCR_SWAP) && chance(35)) {
            int wanted = 1 + random.nextInt(3);
            for (int attempt = 0; attempt < 20 && wanted > 0; attempt++) {
                RowDef row = rows.get(random.nextInt(rows.size()));
                String[] swap = OCR_SWAPS.get(random.nextInt(OCR_SWAPS.size()));
                if (!rowsTaken.contains(row.key()) && row.label().contains(swap[0])) {
                    planned.add(rowNoise(NoiseKind.OCR_SWAP, row.key(), swap[0] + "→" + swap[1], ALL_FORMATS));
                    wanted--;
                }
            }
        }
        if (noise.has(NoiseKind.LABEL_SPACING) && chance(40)) {
            int wanted = 1 + random.nextInt(3);
            for (int attempt = 0; attempt < 20 && wanted > 0; attempt++) {
                RowDef row = rows.get(random.nextInt(rows.size()));
                if (!rowsTaken.contains(row.key()) && row.label().length() > 4) {
                    int at = 2 + random.nextInt(row.label().length() - 3);
                    String spaced = row.label().substring(0, at) + " " + row.label().substring(at);
                    planned.add(rowNoise(NoiseKind.LABEL_SPACING, row.key(), spaced, ALL_FORMATS));
                    wanted--;
                }
            }
        }
        if (noise.has(NoiseKind.HALF_WIDTH_BRACKETS) && chance(40)) {
            planned.add(new InjectedNoise(NoiseKind.HALF_WIDTH_BRACKETS, "labels", "（一）予以公开→(一) 予以公开", ALL_FORMATS));
        }
        if (noise.has(NoiseKind.FULL_WIDTH_DIGITS) && chance(20)) {
            RowDef row = rows.get(random.nextInt(rows.size()));
            planned.add(new InjectedNoise(NoiseKind.FULL_WIDTH_DIGITS, row.key(),
                    "full-width numbers in this row and full-width label ordinals (１．)", ALL_FORMATS));
        }
        if (noise.has(NoiseKind.BLANK_CELLS) && chance(15)) {
            unreadableCells(planned, NoiseKind.BLANK_CELLS, CellSemantic.EMPTY, 1 + random.nextInt(4));
        }
        if (noise.has(NoiseKind.NOT_APPLICABLE_CELLS) && chance(10)) {
            unreadableCells(planned, NoiseKind.NOT_APPLICABLE_CELLS, CellSemantic.NOT_APPLICABLE,
                    1 + random.nextInt(2));
        }
        if (noise.has(NoiseKind.EXTRA_TRAILING_ZERO) && chance(30)) {
            int roll = random.nextInt(3);
            String subject = roll == 0
                    ? "total_handled"
                    : roll == 1 ? TemplateRegistry.t4Row().key() : rows.get(random.nextInt(rows.size())).key();
            planned.add(new InjectedNoise(NoiseKind.EXTRA_TRAILING_ZERO, subject, "one 0 appended to the row",
                    LINE_FORMATS));
        }
        if (noise.has(NoiseKind.ARABIC_HEADINGS) && chance(10)) {
            planned.add(new InjectedNoise(NoiseKind.ARABIC_HEADINGS, "headings", "1、总体情况", ALL_FORMATS));
        }
        if (noise.has(NoiseKind.SHIFTED_ROWS) && chance(40)) {
            planned.add(new InjectedNoise(NoiseKind.SHIFTED_ROWS, "（六）其他处理 and （七）总计",
                    "leading empty cells dropped", Set.of(Format.TEXT)));
        }
        if (noise.has(NoiseKind.JUNK_HEADER_ROW) && chance(30)) {
            planned.add(new InjectedNoise(NoiseKind.JUNK_HEADER_ROW, "tables", "an empty header row before each table",
                    Set.of(Format.MARKDOWN)));
        }
        if (noise.has(NoiseKind.TITLE_SPACING) && chance(15)) {
            planned.add(new InjectedNoise(NoiseKind.TITLE_SPACING, "title", "spaces around the year", ALL_FORMATS));
        }
        if (noise.has(NoiseKind.DUPLICATED_HEADING) && chance(5)) {
            planned.add(new InjectedNoise(NoiseKind.DUPLICATED_HEADING, "一、总体情况", "heading printed twice",
                    LINE_FORMATS));
        }
        if (noise.has(NoiseKind.VERTICAL_HEADER) && chance(15)) {
            planned.add(new InjectedNoise(NoiseKind.VERTICAL_HEADER, "t4 header", "one character per line",
                    Set.of(Format.TEXT)));
        }
        if (noise.has(NoiseKind.MISSING_TITLE) && chance(5)) {
            planned.add(new InjectedNoise(NoiseKind.MISSING_TITLE, "title", "no title line", ALL_FORMATS));
        }
        // kinds added later are drawn after all the others, so that the reports of a seed keep their earlier noise
        if (noise.has(NoiseKind.BLANK_ZEROS) && chance(8)) {
            blankZeros(planned);
        }
        if (noise.has(NoiseKind.JUNK_BEFORE_TITLE) && chance(8)) {
            String[] tokens = {"正文", "附件1", "标题："};
            planned.add(new InjectedNoise(NoiseKind.JUNK_BEFORE_TITLE, "title", tokens[random.nextInt(tokens.length)],
                    ALL_FORMATS));
        }
        if (noise.has(NoiseKind.ABBREVIATED_AGENCY) && chance(8)) {
            planned.add(new InjectedNoise(NoiseKind.ABBREVIATED_AGENCY, "agency", "abbreviated in the title",
                    ALL_FORMATS));
        }
        if (noise.has(NoiseKind.CITED_NOTICE_FIRST) && chance(5)) {
            planned.add(new InjectedNoise(NoiseKind.CITED_NOTICE_FIRST, "title", "no title; a cited notice first",
                    ALL_FORMATS));
        }
        if (noise.has(NoiseKind.HEADER_TABLES) && chance(8)) {
            planned.add(new InjectedNoise(NoiseKind.HEADER_TABLES, "t3 t4", "header rows as tables of their own",
                    Set.of(Format.MARKDOWN)));
        }
        if (noise.has(NoiseKind.PLACEHOLDER_ROWS) && chance(8)) {
            planned.add(new InjectedNoise(NoiseKind.PLACEHOLDER_ROWS, "t3 t4", "a row of - under the header",
                    Set.of(Format.MARKDOWN)));
        }
        if (noise.has(NoiseKind.GENERIC_COLUMNS) && chance(8)) {
            planned.add(new InjectedNoise(NoiseKind.GENERIC_COLUMNS, "t3 t4", "项目 | 数据1 | …",
                    Set.of(Format.MARKDOWN)));
        }
        if (noise.has(NoiseKind.SPLIT_TABLES) && chance(8)) {
            // cut T3 before one to three of its rows (never before the first)
            int rowCount = rows.size();
            Set<Integer> cuts = new java.util.TreeSet<>();
            int wanted = 1 + random.nextInt(3);
            while (cuts.size() < wanted) {
                cuts.add(1 + random.nextInt(rowCount - 1));
            }
            planned.add(new InjectedNoise(NoiseKind.SPLIT_TABLES, "t3 t4", cuts.stream().map(String::valueOf)
                    .collect(java.util.stream.Collectors.joining(",")), Set.of(Format.MARKDOWN)));
        }
        if (noise.has(NoiseKind.FOREIGN_HEADER) && chance(8)) {
            planned.add(new InjectedNoise(NoiseKind.FOREIGN_HEADER, "t3", "（七）总计 under a header of row labels",
                    Set.of(Format.MARKDOWN)));
        }
        if (noise.has(NoiseKind.REGIONAL_LAYOUT) && chance(8)) {
            planned.add(new InjectedNoise(NoiseKind.REGIONAL_LAYOUT, "parts", "Shanghai layout", ALL_FORMATS));
        }
        return planned;
    }

    /** Every zero cell of T2, T3 and T4 printed blank; recorded only when the report has a zero to blank. */
    private void blankZeros(List<InjectedNoise> planned) {
        int blanked = 0;
        for (Map.Entry<String, Cell> cell : cells.entrySet()) {
            if (cell.getValue().semantic() == CellSemantic.ZERO) {
                cell.setValue(CorpusGenerator.unreadable(CellSemantic.EMPTY));
                blanked++;
            }
        }
        if (blanked > 0) {
            planned.add(new InjectedNoise(NoiseKind.BLANK_ZEROS, "tables", blanked + " zeros printed blank",
                    ALL_FORMATS));
            // an extra zero is a printed zero that extraction duplicated: with zeros printed blank there is none
            planned.removeIf(n -> n.kind() == NoiseKind.EXTRA_TRAILING_ZERO);
        }
    }

    private void unreadableCells(List<InjectedNoise> planned, NoiseKind kind, CellSemantic semantic, int wanted) {
        List<String> zeros = new ArrayList<>();
        cells.forEach((k, v) -> {
            if (v.semantic() == CellSemantic.ZERO && (k.startsWith("t3.") || k.startsWith("t4."))) {
                zeros.add(k);
            }
        });
        for (int i = 0; i < wanted && !zeros.isEmpty(); i++) {
            String key = zeros.remove(random.nextInt(zeros.size()));
            cells.put(key, CorpusGenerator.unreadable(semantic));
            planned.add(new InjectedNoise(kind, key, semantic == CellSemantic.EMPTY ? "printed blank" : "printed /",
                    ALL_FORMATS));
        }
    }

    private InjectedNoise rowNoise(NoiseKind kind, String rowKey, String detail, Set<Format> formats) {
        rowsTaken.add(rowKey);
        return new InjectedNoise(kind, rowKey, detail, formats);
    }

    private boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }
}

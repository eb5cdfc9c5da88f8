package io.annualreport.parser.tables;

import java.util.List;

import io.annualreport.model.report.CellSemantic;
import io.annualreport.parser.text.SourceLine;

/**
 * Where T2, T3 and T4 sit among the lines, found by the tables' own markers so that renumbered or missing headings do
 * not move them. Each bound is a line index; -1 where the table is absent.
 */
public record TableRegions(int t2Start, int t2End, int t3Start, int t3End, int t4Start, int t4End, String t2FoundBy,
        String t3FoundBy, String t4FoundBy) {

    /** Regions without a record of how they were found. */
    public TableRegions(int t2Start, int t2End, int t3Start, int t3End, int t4Start, int t4End) {
        this(t2Start, t2End, t3Start, t3End, t4Start, t4End, null, null, null);
    }

    private static final String HEADING = "heading";
    private static final String LABEL = "label";
    private static final String CONTENT = "content";
    /** T4's values: three groups (行政复议, 未经复议直接起诉, 复议后起诉) of four outcomes and their total. */
    private static final int T4_VALUES = 15;
    private static final int MAX_T2_LINES = 150;
    private static final int MAX_T3_LINES = 400;
    private static final int MAX_T4_LINES = 120;
    private static final int T4_HEADER_MAX_LENGTH = 40;
    private static final String[] T4_HEADER_MARKERS = {"未经复议", "复议后起诉", "结果维持", "尚未审结", "结果纠正"};

    /**
     * Locates the tables.
     *
     * @param partStarts line index of each part's heading (index 0 = part 1), -1 where missing
     */
    public static TableRegions locate(List<SourceLine> lines, int[] partStarts) {
        int n = lines.size();
        int searchFrom = Math.max(0, firstKnown(partStarts, 1));
        int t2Start = find(lines, searchFrom, n, "第二十条");
        if (t2Start < 0) {
            t2Start = find(lines, 0, n, "第二十条");
        }
        int t3From = t2Start >= 0 ? t2Start : Math.max(0, partStarts[2]);
        int t3Start = find(lines, t3From, n, "勾稽");
        int header = find(lines, t3From, n, "申请人情况");
        if (header >= 0 && (t3Start < 0 || header < t3Start)) {
            t3Start = header;
        }
        String t3FoundBy = t3Start >= 0 ? HEADING : null;
        if (t3Start < 0 && partStarts[2] > t2Start) {
            // header rows dropped (as markdown tools do): the table follows its part's heading
            t3Start = partStarts[2];
            t3FoundBy = HEADING;
        }
        if (t3Start < 0) {
            t3Start = find(lines, t3From, n, "政府信息公开申请数量");
            t3FoundBy = t3Start >= 0 ? LABEL : null;
        }
        int t4From = Math.max(Math.max(t3Start + 1, t2Start + 1), Math.max(0, partStarts[2]));
        boolean t4ByHeading = partStarts[3] >= t4From;
        int t4Start = t4ByHeading ? partStarts[3] : findT4Header(lines, t4From, n);
        int t4End = -1;
        String t4FoundBy = t4ByHeading ? HEADING : LABEL;
        if (t4Start >= 0) {
            t4End = nextPartAfter(partStarts, t4Start, 4, Math.min(n, t4Start + MAX_T4_LINES));
            if (!hasT4Header(lines, t4Start, t4End)) {
                if (t4ByHeading && hasT4Row(lines, t4Start, t4End)) {
                    // header named generically ("数据1 … 数据15", as markdown tools write it): the part's row of
                    // fifteen cells is the table
                    t4FoundBy = CONTENT;
                } else {
                    t4Start = -1;
                    t4End = -1;
                }
            }
        }
        int t3End = -1;
        if (t3Start >= 0) {
            int limit = t4Start >= 0 ? t4Start : Math.min(n, t3Start + MAX_T3_LINES);
            t3End = nextPartAfter(partStarts, t3Start, 3, limit);
        }
        int t2End = -1;
        if (t2Start >= 0) {
            int limit = t3Start > t2Start ? t3Start : Math.min(n, t2Start + MAX_T2_LINES);
            t2End = nextPartAfter(partStarts, t2Start, 2, limit);
        }
        return new TableRegions(t2Start, t2End, t3Start, t3End, t4Start, t4End, t2Start >= 0 ? HEADING : null,
                t3Start >= 0 ? t3FoundBy : null, t4Start < 0 ? null : t4FoundBy);
    }

    private static int findT4Header(List<SourceLine> lines, int from, int to) {
        for (int i = Math.max(0, from); i < to; i++) {
            String line = lines.get(i).compact();
            boolean tableRow = lines.get(i).cells() != null;
            if (line.contains("行政复议") && (tableRow || line.length() <= T4_HEADER_MAX_LENGTH)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean hasT4Header(List<SourceLine> lines, int from, int to) {
        StringBuilder region = new StringBuilder();
        for (int i = from; i < to; i++) {
            region.append(lines.get(i).compact());
        }
        for (String marker : T4_HEADER_MARKERS) {
            if (region.indexOf(marker) >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the part's region prints a row of cells that can only be T4: fifteen cells and no label, each a number,
     * blank or "not applicable" (three groups of four outcomes and their total, placed by count and position).
     */
    private static boolean hasT4Row(List<SourceLine> lines, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!LineTokenizer.isPositional(lines.get(i))) {
                continue;
            }
            List<Token> tokens = LineTokenizer.tokens(lines.get(i));
            if (tokens.size() == T4_VALUES && tokens.stream().noneMatch(Token::isLabel)
                    && tokens.stream().anyMatch(t -> t.value().value() != null) && tokens.stream()
                            .allMatch(t -> t.value().value() != null || t.value().semantic() == CellSemantic.EMPTY
                                    || t.value().semantic() == CellSemantic.NOT_APPLICABLE)) {
                return true;
            }
        }
        return false;
    }

    private static int nextPartAfter(int[] partStarts, int line, int fromPart, int limit) {
        int end = limit;
        for (int p = fromPart; p < partStarts.length; p++) {
            if (partStarts[p] > line && partStarts[p] < end) {
                end = partStarts[p];
            }
        }
        return end;
    }

    private static int firstKnown(int[] partStarts, int index) {
        return partStarts[index] >= 0 ? partStarts[index] : partStarts[0];
    }

    private static int find(List<SourceLine> lines, int from, int to, String marker) {
        for (int i = Math.max(0, from); i < to; i++) {
            if (lines.get(i).compact().contains(marker)) {
                return i;
            }
        }
        return -1;
    }
}

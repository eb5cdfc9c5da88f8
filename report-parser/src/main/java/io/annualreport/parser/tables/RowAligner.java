package io.annualreport.parser.tables;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.annualreport.model.report.ParseWarning;
import io.annualreport.model.template.RowDef;

/**
 * Matches printed rows to the template's rows in order: by keyword where the label is legible, and by position between
 * two recognised rows where OCR garbled it. A row that can be placed neither way is reported missing.
 */
public final class RowAligner {

    private static final int LOOKAHEAD = 3;
    private static final int GENERIC_KEYWORD_LENGTH = 2;
    /** An item number that starts a row's own label: "3.", "(三)", "三、" (compact, half-width brackets). */
    static final Pattern ITEM_NUMBER = Pattern.compile("\\d{1,2}[.、]|\\([一二三四五六七八九十]\\)|[一二三四五六七八九十]、");

    private RowAligner() {
    }

    /** For each template row, the index of its printed row, or -1; warnings name rows placed by order or missing. */
    public static int[] align(List<Block> blocks, List<RowDef> rows, String tablePrefix, List<ParseWarning> warnings) {
        int[] match = new int[rows.size()];
        Arrays.fill(match, -1);
        boolean[] used = new boolean[blocks.size()];
        int cursor = 0;
        for (int r = 0; r < rows.size(); r++) {
            for (int b = cursor; b < blocks.size(); b++) {
                String label = blocks.get(b).label();
                if (matches(rows.get(r), label)) {
                    match[r] = b;
                    used[b] = true;
                    cursor = b + 1;
                    break;
                }
                if (matchesLater(rows, r, label)) {
                    break;
                }
            }
        }
        fillByOrder(blocks, rows, match, used, tablePrefix, warnings);
        return match;
    }

    private static void fillByOrder(List<Block> blocks, List<RowDef> rows, int[] match, boolean[] used,
            String tablePrefix, List<ParseWarning> warnings) {
        int r = 0;
        while (r < rows.size()) {
            if (match[r] >= 0) {
                r++;
                continue;
            }
            int end = r;
            while (end < rows.size() && match[end] < 0) {
                end++;
            }
            int before = r == 0 ? -1 : match[r - 1];
            int after = end == rows.size() ? blocks.size() : match[end];
            int[] candidates = new int[end - r];
            int found = 0;
            for (int b = before + 1; b < after; b++) {
                if (!used[b] && blocks.get(b).hasValues()) {
                    if (found == candidates.length) {
                        found++;
                        break;
                    }
                    candidates[found++] = b;
                }
            }
            boolean bounded = end < rows.size();
            for (int k = r; k < end; k++) {
                String subject = tablePrefix + "." + rows.get(k).key();
                if (found == candidates.length && bounded) {
                    int b = candidates[k - r];
                    match[k] = b;
                    used[b] = true;
                    warnings.add(new ParseWarning("ROW_LABEL_UNRECOGNISED", subject, "row " + rows.get(k).label()
                            + " placed by its position; printed label reads \"" + blocks.get(b).label() + "\""));
                } else {
                    warnings.add(new ParseWarning("ROW_MISSING", subject, "row " + rows.get(k).label()
                            + " not found in the table"));
                }
            }
            r = end;
        }
    }

    private static boolean matchesLater(List<RowDef> rows, int r, String label) {
        for (int k = r + 1; k < Math.min(rows.size(), r + 1 + LOOKAHEAD); k++) {
            if (matches(rows.get(k), label)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a printed label names a template row. Short, generic keywords ("其他", "总计") must sit in the row's own
     * label, after its last item number, not in a group label or header merged in front of it.
     */
    public static boolean matches(RowDef row, String compactLabel) {
        String own = null;
        for (String keyword : row.keywords()) {
            if (keyword.length() <= GENERIC_KEYWORD_LENGTH) {
                if (own == null) {
                    own = ownLabel(compactLabel);
                }
                if (own.contains(keyword)) {
                    return true;
                }
            } else if (compactLabel.contains(keyword)) {
                return true;
            }
        }
        return false;
    }

    private static String ownLabel(String compactLabel) {
        Matcher m = ITEM_NUMBER.matcher(compactLabel);
        int start = 0;
        while (m.find()) {
            start = m.start();
        }
        return compactLabel.substring(start);
    }
}

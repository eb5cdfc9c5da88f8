package io.annualreport.parser.tables;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.annualreport.model.report.ParseWarning;
import io.annualreport.model.template.RowDef;
import io.annualreport.model.text.TextFolding;

/**
 * Matches printed rows to the template's rows in order: by keyword where the label is legible, and by position between
 * two recognised rows where OCR garbled it. A row that can be placed neither way is reported missing.
 */
public final class RowAligner {

    private static final int LOOKAHEAD = 3;
    private static final int GENERIC_KEYWORD_LENGTH = 2;
    /** Share of the template label a printed label must keep, in order, to be taken for it. */
    private static final double RESEMBLANCE = 0.6;
    /** An item number that starts a row's own label: "3.", "(三)", "三、" (compact, half-width brackets). */
    static final Pattern ITEM_NUMBER = Pattern.compile("\\d{1,2}[.、]|\\([一二三四五六七八九十]\\)|[一二三四五六七八九十]、");

    private RowAligner() {
    }

    /**
     * How template rows were matched to printed rows.
     *
     * @param match for each template row, the index of its printed row, or -1
     * @param byPosition for each template row, whether it was placed by its position, its label not being legible
     */
    public record Alignment(int[] match, boolean[] byPosition) {
    }

    /** For each template row, the index of its printed row, or -1; warnings name rows placed by order or missing. */
    public static int[] align(List<Block> blocks, List<RowDef> rows, String tablePrefix, List<ParseWarning> warnings) {
        return alignRows(blocks, rows, tablePrefix, warnings).match();
    }

    /** The alignment of template rows to printed rows, telling rows matched by label from rows placed by position. */
    public static Alignment alignRows(List<Block> blocks, List<RowDef> rows, String tablePrefix,
            List<ParseWarning> warnings) {
        int[] match = new int[rows.size()];
        boolean[] byPosition = new boolean[rows.size()];
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
        fillByOrder(blocks, rows, match, byPosition, used, tablePrefix, warnings);
        return new Alignment(match, byPosition);
    }

    private static void fillByOrder(List<Block> blocks, List<RowDef> rows, int[] match, boolean[] byPosition,
            boolean[] used, String tablePrefix, List<ParseWarning> warnings) {
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
                    byPosition[k] = !resembles(rows.get(k), blocks.get(b).label());
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

    /**
     * Whether a printed label that matched no keyword still reads mostly as the row's label: the longest common
     * subsequence of the two (item numbers left out) covers at least {@link #RESEMBLANCE} of the template label, as
     * with a character or two lost or misread ("2.其他法律行政止公开"). Such a row placed by position is read with
     * certainty; a row whose label is garbled beyond that is placed with doubt.
     */
    static boolean resembles(RowDef row, String compactLabel) {
        String printed = withoutItemNumbers(compactLabel);
        List<String> forms = new java.util.ArrayList<>(row.variants());
        forms.add(row.label());
        for (String form : forms) {
            String wanted = withoutItemNumbers(TextFolding.compact(form));
            if (!wanted.isEmpty() && commonSubsequence(printed, wanted) >= RESEMBLANCE * wanted.length()) {
                return true;
            }
        }
        return false;
    }

    private static String withoutItemNumbers(String compact) {
        return ITEM_NUMBER.matcher(compact).replaceAll("");
    }

    private static int commonSubsequence(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                current[j] = a.charAt(i - 1) == b.charAt(j - 1)
                        ? previous[j - 1] + 1
                        : Math.max(previous[j], current[j - 1]);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
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

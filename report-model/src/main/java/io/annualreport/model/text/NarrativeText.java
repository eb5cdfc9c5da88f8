package io.annualreport.model.text;

import java.util.ArrayList;
import java.util.List;

/**
 * The narrative as the parser's sentence facts and the rules read it, on top of the one fold table
 * ({@link TextFolding}): page footers and table rows dropped, wrapped lines joined, spaces kept only between two
 * digits, and brackets, commas and colons in the full-width form the phrases are written in.
 */
public final class NarrativeText {

    private NarrativeText() {
    }

    /** Narrative text of a section, without table rows, wrapped lines joined. */
    public static String narrative(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        text = TextFolding.normalize(text);
        StringBuilder out = new StringBuilder(text.length());
        int start = 0;
        int length = text.length();
        while (start <= length) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = length;
            }
            String line = text.substring(start, end);
            if (!isTableOrFooter(line)) {
                appendCompact(out, line);
            }
            start = end + 1;
        }
        return out.toString();
    }

    /** The whole text without any whitespace, digits and punctuation folded, for marker and phrase lookups. */
    public static String compact(String text) {
        if (text == null) {
            return "";
        }
        text = TextFolding.normalize(text);
        int n = text.length();
        char[] out = new char[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            char c = punctuation(text.charAt(i));
            if (!isBlank(c)) {
                out[k++] = c;
            }
        }
        return new String(out, 0, k);
    }

    /** The first of the needles found in the text, or null (plain substring search; faster than a regex alternation). */
    public static String firstOf(String text, String... needles) {
        for (String needle : needles) {
            if (text.contains(needle)) {
                return needle;
            }
        }
        return null;
    }

    /** Whitespace of any width, including the ideographic space and no-break space. */
    public static boolean isBlank(char c) {
        return c <= ' ' || c == '\u3000' || c == '\u00a0' || c >= '\u2000' && c <= '\u200b' || c == '\u2028'
                || c == '\u2029' || c == '\ufeff';
    }

    /** Splits narrative text into sentences at 。；！？ (the sentence keeps no terminator). */
    public static List<String> sentences(String narrative) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < narrative.length(); i++) {
            char c = narrative.charAt(i);
            if (c == '。' || c == '；' || c == ';' || c == '！' || c == '？') {
                if (i > start) {
                    out.add(narrative.substring(start, i));
                }
                start = i + 1;
            }
        }
        if (start < narrative.length()) {
            out.add(narrative.substring(start));
        }
        return out;
    }

    /**
     * Folds one character: the shared fold table of {@link TextFolding} (full-width digits and letters to half-width,
     * traditional to simplified), then brackets, commas and colons to the full-width form the rules match on.
     */
    public static char fold(char c) {
        return punctuation(TextFolding.normalize(String.valueOf(c)).charAt(0));
    }

    /** Brackets, commas and colons of already folded text in their full-width form. */
    private static char punctuation(char folded) {
        return switch (folded) {
            case '(' -> '（';
            case ')' -> '）';
            case ',' -> '，';
            case ':' -> '：';
            default -> folded;
        };
    }

    private static void appendCompact(StringBuilder out, String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = punctuation(line.charAt(i));
            if (isBlank(c) || c == '*' || c == '#') {
                if (out.length() > 0 && isDigit(out.charAt(out.length() - 1)) && i + 1 < line.length()
                        && nextNonSpaceIsDigit(line, i + 1)) {
                    out.append(' ');
                }
                continue;
            }
            out.append(c);
        }
    }

    private static boolean nextNonSpaceIsDigit(String line, int from) {
        for (int i = from; i < line.length(); i++) {
            char c = punctuation(line.charAt(i));
            if (!isBlank(c)) {
                return isDigit(c);
            }
        }
        return false;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** A tab-separated or pipe table row, a row of three or more bare numbers, or a "- 3 -" page footer. */
    public static boolean isTableOrFooter(String line) {
        if (line.indexOf('\t') >= 0 || line.indexOf('|') >= 0) {
            return true;
        }
        int numbers = 0;
        boolean inNumber = false;
        boolean hasOther = false;
        for (int i = 0; i < line.length(); i++) {
            char c = punctuation(line.charAt(i));
            if (isDigit(c) || (inNumber && c == '.')) {
                if (!inNumber) {
                    numbers++;
                }
                inNumber = true;
            } else {
                inNumber = false;
                if (c == ' ' || c == '\u3000') {
                    continue;
                }
                if (c != '-') {
                    hasOther = true;
                }
            }
        }
        if (numbers >= 3 && bareNumberRun(line) >= 3) {
            return true;
        }
        return !hasOther && numbers <= 1 && line.strip().startsWith("-");
    }

    /** The longest run of whitespace-separated tokens that are bare numbers. */
    private static int bareNumberRun(String line) {
        int best = 0;
        int run = 0;
        int i = 0;
        int n = line.length();
        while (i < n) {
            while (i < n && isSpace(line.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            boolean numeric = true;
            while (i < n && !isSpace(line.charAt(i))) {
                char c = punctuation(line.charAt(i));
                numeric &= isDigit(c) || c == '.';
                i++;
            }
            run = numeric ? run + 1 : 0;
            best = Math.max(best, run);
        }
        return best;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\u3000' || c == '\u00a0' || c == '\r';
    }
}

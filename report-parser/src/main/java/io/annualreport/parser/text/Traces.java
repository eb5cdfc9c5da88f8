package io.annualreport.parser.text;

import java.util.List;

/**
 * Looks for any trace of a heading or label in the text, tolerant of OCR confusions: a needle of six characters or
 * more also matches a stretch that differs from it in one character, or that misses one of its characters. Only short
 * lines (headings, table rows, cells) are searched, never narrative sentences, so that a part or table that the
 * narrative merely talks about is not taken for one that is printed.
 */
public final class Traces {

    /** Longer lines, or lines with a full stop, are narrative. */
    private static final int SHORT_LINE = 60;
    private static final int FUZZY_MIN_LENGTH = 6;

    private Traces() {
    }

    /** The index of the first short line holding one of the needles (compact matching form), or -1. */
    public static int find(List<SourceLine> lines, List<String> needles) {
        for (SourceLine line : lines) {
            if (!isShort(line)) {
                continue;
            }
            for (String needle : needles) {
                if (!needle.isEmpty() && contains(line.compact(), needle)) {
                    return line.index();
                }
            }
        }
        return -1;
    }

    /** Whether a line is a heading, a table row or a cell rather than narrative. */
    public static boolean isShort(SourceLine line) {
        String compact = line.compact();
        return line.cells() != null || line.norm().indexOf('\t') >= 0 || line.norm().indexOf('|') >= 0
                || compact.length() <= SHORT_LINE && compact.indexOf('。') < 0;
    }

    /**
     * Whether the text holds the needle, or, for needles of six characters or more, the needle with one typo (shorter
     * needles with a typo match other labels: 重复申请 and 反复申请).
     */
    public static boolean contains(String text, String needle) {
        if (text.contains(needle)) {
            return true;
        }
        if (needle.length() < FUZZY_MIN_LENGTH) {
            return false;
        }
        int n = needle.length();
        for (int at = 0; at + n - 1 <= text.length(); at++) {
            if (at + n <= text.length() && differsInOne(text, at, needle)) {
                return true;
            }
            if (missesOne(text, at, needle)) {
                return true;
            }
        }
        return false;
    }

    /** Whether text[at, at+n) equals the needle but for one character. */
    private static boolean differsInOne(String text, int at, String needle) {
        int typos = 0;
        for (int k = 0; k < needle.length() && typos <= 1; k++) {
            if (text.charAt(at + k) != needle.charAt(k)) {
                typos++;
            }
        }
        return typos <= 1;
    }

    /** Whether text[at, at+n-1) is the needle with one character left out. */
    private static boolean missesOne(String text, int at, String needle) {
        int n = needle.length();
        if (at + n - 1 > text.length()) {
            return false;
        }
        int i = 0;
        boolean skipped = false;
        for (int k = 0; k < n; k++) {
            if (i < n - 1 && text.charAt(at + i) == needle.charAt(k)) {
                i++;
            } else if (!skipped) {
                skipped = true;
            } else {
                return false;
            }
        }
        return i == n - 1;
    }
}

package io.annualreport.parser.facts;

import java.util.regex.Pattern;

import io.annualreport.model.text.TextFolding;
import io.annualreport.parser.tables.LineTokenizer;

/**
 * A stretch of the report in matching form with whitespace, line breaks, page numbers and markdown emphasis removed,
 * so that a sentence wrapped over PDF rows reads as one; every character keeps its offset in the original text.
 */
final class JoinedText {

    /** Sentence end put where a numbered heading line starts or ends; it never appears in evidence. */
    private static final char BOUNDARY = '。';
    private static final String SENTENCE_ENDS = "。;!?";
    private static final int HEADING_MAX_LENGTH = 30;
    private static final Pattern NUMBERED = Pattern
            .compile("^\\s*(?:[#*\\s-]*)(?:\\(?[一二三四五六七八九十]{1,3}[)、.]|\\d{1,2}[、.](?!\\d)|\\(\\d{1,2}\\))");

    private final String original;
    private final String text;
    private final int[] offsets;

    private JoinedText(String original, String text, int[] offsets) {
        this.original = original;
        this.text = text;
        this.offsets = offsets;
    }

    /** Joins {@code original[from, to)}. */
    static JoinedText of(String original, int from, int to) {
        StringBuilder out = new StringBuilder(Math.max(0, to - from));
        int[] offsets = new int[2 * Math.max(0, to - from) + 2];
        int lineStart = from;
        while (lineStart < to) {
            int lineEnd = original.indexOf('\n', lineStart);
            if (lineEnd < 0 || lineEnd > to) {
                lineEnd = to;
            }
            String line = TextFolding.normalize(original.substring(lineStart, lineEnd));
            if (!LineTokenizer.isPageMarker(line) && !isTableRow(line)) {
                boolean numbered = NUMBERED.matcher(line).find();
                if (numbered && out.length() > 0 && SENTENCE_ENDS.indexOf(out.charAt(out.length() - 1)) < 0) {
                    offsets[out.length()] = lineStart;
                    out.append(BOUNDARY);
                }
                for (int i = 0; i < line.length(); i++) {
                    char c = line.charAt(i);
                    int pinyin = c == '(' ? TextFolding.pinyinAnnotationEnd(line, i) : -1;
                    if (pinyin > 0) {
                        i = pinyin;
                        continue;
                    }
                    if (!Character.isWhitespace(c) && c != '*' && c != '#') {
                        offsets[out.length()] = lineStart + i;
                        out.append(c);
                    }
                }
                String stripped = line.strip();
                boolean heading = numbered && stripped.length() <= HEADING_MAX_LENGTH && stripped.indexOf('。') < 0
                        || stripped.startsWith("#");
                if (heading && out.length() > 0 && SENTENCE_ENDS.indexOf(out.charAt(out.length() - 1)) < 0) {
                    offsets[out.length()] = Math.max(lineStart, lineEnd - 1);
                    out.append(BOUNDARY);
                }
            }
            lineStart = lineEnd + 1;
        }
        return new JoinedText(original, out.toString(), offsets);
    }

    /** Table rows carry no narrative: cells separated by tabs or pipes, or a label followed by several numbers. */
    private static boolean isTableRow(String line) {
        if (line.indexOf('\t') >= 0 || line.indexOf('|') >= 0) {
            return true;
        }
        if (line.indexOf('。') >= 0 || line.indexOf(',') >= 0) {
            return false;
        }
        int numbers = 0;
        boolean inNumber = false;
        boolean spaceBefore = true;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            boolean digit = c >= '0' && c <= '9' || c == '.';
            if (digit && !inNumber && spaceBefore) {
                numbers++;
            }
            inNumber = digit;
            spaceBefore = c == ' ' || digit && spaceBefore;
        }
        return numbers >= 2;
    }

    String text() {
        return text;
    }

    /** End (exclusive) of the full sentence, up to "。", holding joined position {@code at}. */
    int fullSentenceEnd(int at) {
        int end = text.indexOf('。', Math.max(0, at));
        return end < 0 ? text.length() : end + 1;
    }

    /** Start of the sentence holding joined position {@code at}. */
    int sentenceStart(int at) {
        for (int i = Math.min(at, text.length()) - 1; i >= 0; i--) {
            if (SENTENCE_ENDS.indexOf(text.charAt(i)) >= 0) {
                return i + 1;
            }
        }
        return 0;
    }

    /** End (exclusive) of the sentence holding joined position {@code at}. */
    int sentenceEnd(int at) {
        for (int i = Math.max(0, at); i < text.length(); i++) {
            if (SENTENCE_ENDS.indexOf(text.charAt(i)) >= 0) {
                return i + 1;
            }
        }
        return text.length();
    }

    /** Offset in the original text of joined position {@code at}. */
    int originalStart(int at) {
        return offsets[at];
    }

    /** Offset in the original text just after joined position {@code at - 1}. */
    int originalEnd(int at) {
        return offsets[at - 1] + 1;
    }

    /** The original text of joined positions {@code [from, to)}, line breaks removed. */
    String evidence(int from, int to) {
        if (from >= to) {
            return "";
        }
        int start = originalStart(from);
        int end = Math.max(start, originalEnd(to));
        return original.substring(start, end).replaceAll("\\s*\\n\\s*", "").strip();
    }
}

package io.annualreport.corpus;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Applies a report's planned label and number noise, as far as it is switched on, to the text a renderer prints. */
final class LabelStyler {

    private static final Pattern ORDINAL_GROUP = Pattern.compile("^\\(([一二三四五六七八九十])\\)");
    private static final Pattern ORDINAL_DIGIT = Pattern.compile("^(\\d)\\.");

    private final GeneratedReport report;
    private final Noise enabled;

    LabelStyler(GeneratedReport report, Noise enabled) {
        this.report = report;
        this.enabled = enabled;
    }

    /** A T3 row label with the noise planned for that row. */
    String rowLabel(String rowKey, String label) {
        String text = label;
        for (InjectedNoise n : planned(NoiseKind.LABEL_SPACING)) {
            if (n.subject().equals(rowKey)) {
                text = n.detail();
            }
        }
        for (InjectedNoise n : planned(NoiseKind.OCR_SWAP)) {
            if (n.subject().equals(rowKey)) {
                String[] swap = n.detail().split("→");
                text = text.replaceFirst(Pattern.quote(swap[0]), Matcher.quoteReplacement(swap[1]));
            }
        }
        text = label(text);
        for (InjectedNoise n : planned(NoiseKind.WRAPPED_LABEL)) {
            int at = text.indexOf(n.detail());
            if (n.subject().equals(rowKey) && at > 0) {
                text = text.substring(0, at) + "\n" + text.substring(at);
            }
        }
        return text;
    }

    /** Any other table label (group labels, column headers, T2 rows) with the report-wide label noise. */
    String label(String label) {
        String text = label;
        if (!planned(NoiseKind.HALF_WIDTH_BRACKETS).isEmpty()) {
            text = text.replace('（', '(').replace('）', ')');
            text = ORDINAL_GROUP.matcher(text).replaceFirst("($1) ");
        }
        if (!planned(NoiseKind.FULL_WIDTH_DIGITS).isEmpty()) {
            Matcher m = ORDINAL_DIGIT.matcher(text);
            if (m.find()) {
                text = fullWidth(m.group(1)) + "．" + text.substring(m.end());
            }
        }
        return text;
    }

    /** A cell as printed in a row, full-width if planned for that row. */
    String number(String rowKey, String raw) {
        for (InjectedNoise n : planned(NoiseKind.FULL_WIDTH_DIGITS)) {
            if (n.subject().equals(rowKey)) {
                return fullWidth(raw);
            }
        }
        return raw;
    }

    /** Whether a row-level noise of this kind is planned and switched on for the row. */
    boolean has(NoiseKind kind, String rowKey) {
        return planned(kind).stream().anyMatch(n -> n.subject().equals(rowKey));
    }

    /** Whether a report-level noise of this kind is planned and switched on. */
    boolean has(NoiseKind kind) {
        return !planned(kind).isEmpty();
    }

    /** The detail of a report-level noise of this kind, or null when it is not planned or not switched on. */
    String detail(NoiseKind kind) {
        List<InjectedNoise> planned = planned(kind);
        return planned.isEmpty() ? null : planned.get(0).detail();
    }

    private List<InjectedNoise> planned(NoiseKind kind) {
        return enabled.has(kind) ? report.noise(kind) : List.of();
    }

    static String fullWidth(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            b.append(c >= '0' && c <= '9' ? (char) (c - '0' + '０') : c == '.' ? '．' : c);
        }
        return b.toString();
    }
}

package io.annualreport.parser.tables;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.annualreport.model.document.TextLine;
import io.annualreport.model.report.CellSemantic;

/**
 * What one printed table cell says: a number (signed changes and units read), blank, "not applicable" or words.
 *
 * @param value the number, null unless the semantic is NUMERIC or ZERO
 * @param unit "元" or "万元" when the cell printed a currency unit, otherwise null
 */
public record CellValue(String raw, BigDecimal value, CellSemantic semantic, String unit) {

    private static final Pattern NUMBER = Pattern.compile(
            "^(\\+|-|增加?|减少?|減少?)?\\s*((?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?)\\s*(万元|元|件|个|项|条|次)?$");
    private static final Set<String> NOT_APPLICABLE = Set.of("/", "-", "—", "——", "–", "―", "--", "\\", "／", "－",
            "一一", "—-");
    private static final Set<String> WORDS = Set.of("无", "暂无", "没有", "不适用", "未统计", "零", "空", "不涉及", "无此项");

    /** A blank cell. */
    public static CellValue empty() {
        return new CellValue("", null, CellSemantic.EMPTY, null);
    }

    /**
     * Reads a cell's text in matching form (see {@code TextFolding}); empty when the text is not a value at all
     * (a label) and for blank text.
     */
    public static Optional<CellValue> parse(String normalized, String raw) {
        String s = normalized.strip();
        if (s.isEmpty()) {
            return Optional.empty();
        }
        if (NOT_APPLICABLE.contains(s)) {
            return Optional.of(new CellValue(raw.strip(), null, CellSemantic.NOT_APPLICABLE, null));
        }
        if (s.equals(TextLine.ILLEGIBLE)) {
            // a number's ink OCR could not read: a cell of its row, its value unknown (never blank)
            return Optional.of(new CellValue(raw.strip(), null, CellSemantic.TEXT, null));
        }
        if (WORDS.contains(s)) {
            return Optional.of(new CellValue(raw.strip(), null, CellSemantic.TEXT, null));
        }
        char first = s.charAt(0);
        if (!(Character.isDigit(first) || first == '+' || first == '-' || first == '增' || first == '减'
                || first == '減')) {
            return Optional.empty();
        }
        Matcher m = NUMBER.matcher(s);
        if (!m.matches()) {
            return Optional.empty();
        }
        BigDecimal value = new BigDecimal(m.group(2).replace(",", ""));
        String sign = m.group(1);
        if (sign != null && (sign.startsWith("-") || sign.startsWith("减") || sign.startsWith("減"))) {
            value = value.negate();
        }
        String unit = m.group(3);
        if (unit != null && !unit.endsWith("元")) {
            unit = null;
        }
        CellSemantic semantic = value.signum() == 0 ? CellSemantic.ZERO : CellSemantic.NUMERIC;
        return Optional.of(new CellValue(raw.strip(), value, semantic, unit));
    }

    /** Whether the cell holds the number zero. */
    public boolean isZero() {
        return semantic == CellSemantic.ZERO;
    }
}

package io.annualreport.rules.engine;

import java.util.Set;

import io.annualreport.model.template.Edition;
import io.annualreport.model.validation.Severity;

/**
 * The catalogue entry of a rule (docs/format.md §3): stable id, version, default severity, the editions and report
 * years it applies to, its formula, and its bilingual message templates with {@code {0}}, {@code {1}}… parameters.
 *
 * @param fromYear first report year the rule applies to, or null for no lower bound
 * @param toYear last report year the rule applies to, or null for no upper bound
 * @param implemented false for a rule that is registered but cannot run yet; it is always reported not assessable
 * @param note how the rule reads its input (facts, own text matching, context), or why it is not implemented
 */
public record RuleSpec(
        String id,
        String version,
        Severity severity,
        Set<Edition> editions,
        Integer fromYear,
        Integer toYear,
        Part part,
        String title,
        String formula,
        String messageZh,
        String messageEn,
        boolean implemented,
        String note) {

    /** Whether the rule applies to a report of this edition and year (null year: any). */
    public boolean appliesTo(Edition edition, Integer year) {
        if (!editions.contains(edition)) {
            return false;
        }
        if (year == null) {
            return true;
        }
        return (fromYear == null || year >= fromYear) && (toYear == null || year <= toYear);
    }

    /** Fills the Chinese message template. */
    public String messageZh(Object... args) {
        return fill(messageZh, args);
    }

    /** Fills the English message template. */
    public String messageEn(Object... args) {
        return fill(messageEn, args);
    }

    private static String fill(String template, Object[] args) {
        if (args.length == 0 || template.indexOf('{') < 0) {
            return template;
        }
        StringBuilder out = new StringBuilder(template.length() + 32);
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            int close = c == '{' ? template.indexOf('}', i) : -1;
            if (close > i + 1 && close <= i + 3) {
                int index = Integer.parseInt(template.substring(i + 1, close));
                out.append(index < args.length ? text(args[index]) : "?");
                i = close + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static String text(Object value) {
        if (value instanceof java.math.BigDecimal d) {
            return d.stripTrailingZeros().toPlainString();
        }
        return String.valueOf(value);
    }
}

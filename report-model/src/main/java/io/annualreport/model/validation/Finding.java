package io.annualreport.model.validation;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One rule's complaint about one report, with enough context for a reviewer to act on it.
 *
 * @param ruleId stable id from the catalogue, e.g. {@code T3-03}
 * @param message the message in Chinese
 * @param messageEn the same message in English
 * @param cells the canonical cell keys involved
 * @param section the part (1–6) involved, where one is
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Finding(
        String ruleId,
        String ruleVersion,
        Severity severity,
        String message,
        String messageEn,
        List<String> cells,
        Integer section,
        BigDecimal expected,
        BigDecimal actual,
        String evidence) {
}

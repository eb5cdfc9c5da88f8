package io.annualreport.model.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A row or cell that the format expects and the reader could not read, and why.
 *
 * @param subject a row key ({@code t3.disclosed}) or a cell key ({@code t3.disclosed.total})
 * @param detail a short human explanation in Chinese, e.g. the label as found
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Unread(String subject, UnreadReason reason, String detail) {
}

package io.annualreport.model.template;

import java.util.List;

/**
 * A column of a table: canonical key, label as printed in the official format, and variants seen in real files.
 *
 * @param group the header group the column sits under, e.g. 法人或其他组织 or 复议后起诉; null if none
 */
public record ColumnDef(String key, String label, List<String> variants, String group) {
}

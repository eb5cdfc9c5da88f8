package io.annualreport.model.template;

import java.util.List;
import java.util.Set;

/**
 * A row of a table: canonical key, the official label, variants seen in real files, keywords that identify it in
 * garbled text, and the row-spanning group labels above it.
 *
 * @param groups group labels from the outermost in, e.g. [三、本年度办理结果, （三）不予公开]
 * @param keywords short substrings that identify the row when the label is wrapped or garbled
 */
public record RowDef(String key, String label, List<String> variants, List<String> keywords, List<String> groups,
        Set<Edition> editions) {

    /** Whether this row belongs to the given edition (mixed reports use both). */
    public boolean in(Edition edition) {
        return editions.contains(edition);
    }
}

package io.annualreport.store.review;

import java.util.List;
import java.util.TreeSet;

/**
 * Names a finding by its rule id and the cells it rests on, so that a decision holds across validation runs of one
 * report and a finding of a new version can be matched with the previous version's.
 */
public final class FindingKeys {

    private FindingKeys() {
    }

    /** {@code RULE|cell,cell} with the cells sorted; {@code RULE|} for a finding without cells. */
    public static String of(String ruleId, List<String> cells) {
        return ruleId + "|" + String.join(",", new TreeSet<>(cells == null ? List.of() : cells));
    }
}

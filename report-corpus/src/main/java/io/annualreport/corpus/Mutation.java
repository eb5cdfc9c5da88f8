package io.annualreport.corpus;

import java.util.List;

/** A defect class the {@link Mutator} injects, with the rule ids of which at least one must fire. */
public enum Mutation {
    /** A T3 row total differs from the sum of its applicant columns. */
    WRONG_ROW_TOTAL(Invariant.T3_ROW_TOTALS, List.of("T3-01")),
    /** （七）总计 differs from the sum of the detail rows in one column. */
    WRONG_GRAND_TOTAL(Invariant.T3_GRAND_TOTAL, List.of("T3-02")),
    /** 一 + 二 ≠ 三(七) + 四 in one column. */
    BROKEN_IDENTITY(Invariant.T3_IDENTITY, List.of("T3-03")),
    /** A T4 group total differs from its four outcomes (the rule id names the group). */
    WRONG_T4_TOTAL(Invariant.T4_TOTALS, List.of("T4-01", "T4-02", "T4-03")),
    /** The narrative states a count the tables do not have (X-02 for applications, X-06 for outcomes). */
    NARRATIVE_COUNT_MISMATCH(Invariant.NARRATIVE_MATCHES_TABLES, List.of("X-02", "X-06")),
    /** A report of 2023 printed with the 2019-format tables. */
    OLD_FORMAT_TABLE_IN_2023_REPORT(Invariant.EDITION_MATCHES_YEAR, List.of("S-10")),
    /** Part 五 or 六 is missing. */
    MISSING_PART(Invariant.SIX_PARTS_PRESENT, List.of("S-01")),
    /** A zero cell printed blank. */
    BLANK_CELL(Invariant.NO_BLANK_CELLS, List.of("V-03")),
    /** A negative count, with the arithmetic still balanced. */
    NEGATIVE_COUNT(Invariant.NON_NEGATIVE_COUNTS, List.of("V-01")),
    /** A money amount entered in 元 in a 万元 field. */
    FEE_IN_YUAN(Invariant.FEE_UNIT_PLAUSIBLE, List.of("V-04"));

    private final Invariant breaks;
    private final List<String> candidateRuleIds;

    Mutation(Invariant breaks, List<String> candidateRuleIds) {
        this.breaks = breaks;
        this.candidateRuleIds = candidateRuleIds;
    }

    /** The one invariant this mutation breaks. */
    public Invariant breaks() {
        return breaks;
    }

    /** Every rule id this class can map to; a mutated report records the one(s) that apply to it. */
    public List<String> candidateRuleIds() {
        return candidateRuleIds;
    }
}

package io.annualreport.corpus;

/** A property every unmutated generated report has; each mutation breaks exactly one. */
public enum Invariant {
    /** Every T3 row: 总计 = the sum of the six applicant columns (T3-01). */
    T3_ROW_TOTALS,
    /** （七）总计 = the sum of the detail rows, per column (T3-02). */
    T3_GRAND_TOTAL,
    /** 一 + 二 = 三(七) + 四, per column (T3-03). */
    T3_IDENTITY,
    /** Each T4 group total = the sum of its four outcomes (T4-01/02/03). */
    T4_TOTALS,
    /** Every number stated in the narrative equals the table value it states (X-02, X-06…). */
    NARRATIVE_MATCHES_TABLES,
    /** The tables' edition fits the report year: 2019 format for 2019–2020, 2021 format from 2021 (S-10). */
    EDITION_MATCHES_YEAR,
    /** All six parts are present (S-01). */
    SIX_PARTS_PRESENT,
    /** No blank or "/" cell in the tables (V-03). */
    NO_BLANK_CELLS,
    /** Counts are non-negative (V-01; the signed 2019 本年增/减 excepted). */
    NON_NEGATIVE_COUNTS,
    /** Money cells in 万元 carry no 元 suffix and no implausibly large value (V-04). */
    FEE_UNIT_PLAUSIBLE
}

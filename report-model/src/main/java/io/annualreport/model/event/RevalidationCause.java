package io.annualreport.model.event;

/** Why a stored parse run is validated again without being extracted and parsed again. */
public enum RevalidationCause {

    /** The same agency's previous-year report arrived after this one, so the cross-year rules can now be assessed. */
    PREVIOUS_YEAR_ARRIVED("上一年度报告已收到"),

    /** This report's agency was linked (matched or merged) with another, which may give it a previous year. */
    AGENCY_LINKED("机构已关联"),

    /** A reviewer corrected cells of this report against the page. */
    CELLS_CORRECTED("单元格已人工更正"),

    /** The rule catalogue changed and the report is checked under the new rule set. */
    RULESET_CHANGED("审查规则已更新");

    private final String label;

    RevalidationCause(String label) {
        this.label = label;
    }

    /** The Chinese label shown to users. */
    public String label() {
        return label;
    }
}

package io.annualreport.store.agency;

/** How a report was attached to its canonical agency, recorded with every match. */
public enum MatchBasis {
    /** The submitter declared the agency's registry id at upload. */
    DECLARED_CODE("申报机关编号"),
    /** The submitter declared the agency's name at upload. */
    DECLARED_NAME("申报机关名称"),
    /** The printed name is a known alias of the agency. */
    EXACT_ALIAS("名称完全一致"),
    /** The printed name names the same division and body with more or fewer higher-level regions. */
    REGION_PREFIX_STRIPPED("去除上级行政区划后一致"),
    /** The printed name is close to a known name of an agency in the same division. */
    FUZZY("名称近似"),
    /** No known agency matched: a new one was registered. */
    NEW("新登记机关"),
    /** An authorised user attached the report (merge or split). */
    MANUAL("人工指定");

    private final String label;

    MatchBasis(String label) {
        this.label = label;
    }

    /** The Chinese label. */
    public String label() {
        return label;
    }
}

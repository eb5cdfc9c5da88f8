package io.annualreport.store.agency;

/** What kind of body an agency is, read from its name. */
public enum AgencyKind {
    /** 本级政府 (…人民政府). */
    GOVERNMENT("人民政府"),
    /** A department or other body of a government. */
    DEPARTMENT("政府部门");

    private final String label;

    AgencyKind(String label) {
        this.label = label;
    }

    /** The Chinese label. */
    public String label() {
        return label;
    }

    /** The kind of the body that remains once region names are read off the name. */
    public static AgencyKind of(String remainder) {
        return "人民政府".equals(remainder) || "政府".equals(remainder) ? GOVERNMENT : DEPARTMENT;
    }
}

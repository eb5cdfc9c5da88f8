package io.annualreport.model.review;

/** What became of a finding of an agency-year's previous version in the new version (整改跟踪). */
public enum Rectification {
    /** 已整改: the new version no longer has it. */
    RESOLVED,
    /** 仍未整改: the new version still has it. */
    OPEN;

    /** The Chinese label shown to users. */
    public String label() {
        return switch (this) {
            case RESOLVED -> "已整改";
            case OPEN -> "仍未整改";
        };
    }
}

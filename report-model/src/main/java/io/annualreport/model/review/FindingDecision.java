package io.annualreport.model.review;

/** A reviewer's word on one finding: confirmed, dismissed (with a reason), or only a note. */
public enum FindingDecision {
    /** 确认: the finding stands and goes into the review letter. */
    CONFIRMED,
    /** 驳回: the finding is wrong; the reason says why; it stays out of the letter. */
    DISMISSED,
    /** 备注: a note that decides nothing. */
    NOTE;

    /** The Chinese label shown to users. */
    public String label() {
        return switch (this) {
            case CONFIRMED -> "确认";
            case DISMISSED -> "驳回";
            case NOTE -> "备注";
        };
    }
}

package io.annualreport.model.review;

/** Where a person's review of one report stands; a report nobody has touched is {@link #PENDING}. */
public enum ReviewState {
    /** 待审: nobody has started. */
    PENDING,
    /** 审核中: a reviewer is at it. */
    IN_REVIEW,
    /** 已审: reviewed; the letter can be sent. */
    REVIEWED,
    /** 退回整改: sent back to the agency to correct and publish again. */
    RETURNED;

    /** The Chinese label shown to users. */
    public String label() {
        return switch (this) {
            case PENDING -> "待审";
            case IN_REVIEW -> "审核中";
            case REVIEWED -> "已审";
            case RETURNED -> "退回整改";
        };
    }
}

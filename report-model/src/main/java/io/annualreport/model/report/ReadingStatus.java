package io.annualreport.model.report;

/** What the reader made of one part or table of the national format. */
public enum ReadingStatus {
    /** Found and read completely. */
    READ,
    /** Found; some rows or cells could not be read (listed as {@link Unread}). */
    PARTLY_READ,
    /** There is a trace of it (heading, labels) but nothing could be read. Never a defect of the report. */
    PRESENT_UNREAD,
    /** No trace of it anywhere in a complete file: the report positively lacks it. */
    ABSENT;

    /** The Chinese label shown to reviewers. */
    public String label() {
        return switch (this) {
            case READ -> "已读出";
            case PARTLY_READ -> "部分读出";
            case PRESENT_UNREAD -> "有但未能读出";
            case ABSENT -> "缺失";
        };
    }
}

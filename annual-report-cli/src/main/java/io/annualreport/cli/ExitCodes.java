package io.annualreport.cli;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The exit codes of {@code annual-report}, one meaning each, so that scripts can tell a failing report from a pipeline
 * that could not be reached. A batch exits with the most serious code of its reports, in the order
 * {@link #UNREACHABLE} &gt; {@link #USAGE} (a file that could not be read) &gt; {@link #FAIL} &gt; {@link #NEEDS_REVIEW} &gt; {@link #OK}.
 */
public final class ExitCodes {

    /** Every report PASS (通过) or WARN (有警告); or the command did what was asked. */
    public static final int OK = 0;
    /** A report is FAIL (不通过) or UNREADABLE (无法读取), or the pipeline could not process it (FAILED). */
    public static final int FAIL = 1;
    /** The command line is wrong: unknown command or option, missing argument, no such file. */
    public static final int USAGE = 2;
    /**
     * The pipeline refused (HTTP 4xx, e.g. a wrong API key or an unsupported file), failed (HTTP 5xx), could not be
     * reached, or gave no verdict within {@code --timeout}.
     */
    public static final int UNREACHABLE = 3;
    /** A report is NEEDS_REVIEW (待人工复核): cells the rules need were unread or doubtful; a person must look. */
    public static final int NEEDS_REVIEW = 4;

    private ExitCodes() {
    }

    /** The code of one stored report: its verdict once validated, {@link #FAIL} when the pipeline failed it. */
    static int of(JsonNode report) {
        if (report == null) {
            return UNREACHABLE;
        }
        String status = report.path("status").asText("");
        if (status.equals("FAILED")) {
            return FAIL;
        }
        return switch (report.path("validation").path("verdict").asText("")) {
            case "FAIL", "UNREADABLE" -> FAIL;
            case "NEEDS_REVIEW" -> NEEDS_REVIEW;
            default -> OK;
        };
    }

    /** The more serious of two codes. */
    static int worst(int a, int b) {
        return rank(a) >= rank(b) ? a : b;
    }

    private static int rank(int code) {
        return switch (code) {
            case UNREACHABLE -> 4;
            case USAGE -> 3;
            case FAIL -> 2;
            case NEEDS_REVIEW -> 1;
            default -> 0;
        };
    }
}

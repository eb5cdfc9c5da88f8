package io.annualreport.cli;

/**
 * A file (or one entry of a zip) given to the pipeline: accepted with a report id, or not, with a one-line error and
 * the exit code it stands for.
 */
record Submission(String file, String name, String reportId, String error, int errorCode) {

    static Submission accepted(String file, String name, String reportId) {
        return new Submission(file, name, reportId, null, ExitCodes.OK);
    }

    static Submission refused(String file, String error, int errorCode) {
        return new Submission(file, file, null, error, errorCode);
    }
}

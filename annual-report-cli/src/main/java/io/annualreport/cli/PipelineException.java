package io.annualreport.cli;

/**
 * The pipeline refused a request (HTTP 4xx or 5xx) or could not be reached; its message is one line for the user.
 */
final class PipelineException extends RuntimeException {

    private final int httpStatus;

    PipelineException(String message, int httpStatus) {
        super(message);
        this.httpStatus = httpStatus;
    }

    /** The HTTP status of a refusal, or 0 when no answer came. */
    int httpStatus() {
        return httpStatus;
    }

    static PipelineException unreachable(String what, String url, Throwable cause) {
        return new PipelineException("cannot reach " + what + " at " + url + " (" + reason(cause) + ")", 0);
    }

    /** Why no answer came, in words: the JDK's connection exceptions often have no message. */
    private static String reason(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (cause instanceof java.net.http.HttpTimeoutException) {
            return "timed out";
        }
        if (cause instanceof java.net.ConnectException || root instanceof java.net.ConnectException) {
            return "connection refused";
        }
        if (root instanceof java.net.UnknownHostException
                || root instanceof java.nio.channels.UnresolvedAddressException) {
            return "unknown host";
        }
        String message = cause.getMessage() != null && !cause.getMessage().isBlank()
                ? cause.getMessage()
                : root.getMessage();
        return message == null || message.isBlank() ? "no answer" : message;
    }
}

package io.annualreport.model.event;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Derives report ids from file contents, so that the same bytes always get the same id. */
public final class ReportIds {

    private static final Pattern REPORT_ID = Pattern.compile("[0-9a-f]{16}");

    private ReportIds() {
    }

    /** The report id of a file with this SHA-256 (lower-case hex): its first 16 hex digits. */
    public static String fromSha256(String sha256Hex) {
        if (sha256Hex == null || sha256Hex.length() != 64) {
            throw new IllegalArgumentException("not a SHA-256 hex digest: " + sha256Hex);
        }
        return sha256Hex.substring(0, 16).toLowerCase();
    }

    /** Whether a string has the shape of a report id. */
    public static boolean isValid(String reportId) {
        return reportId != null && REPORT_ID.matcher(reportId).matches();
    }

    /** The lower-case hex SHA-256 of some bytes. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}

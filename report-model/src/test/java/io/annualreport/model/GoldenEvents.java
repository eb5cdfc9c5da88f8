package io.annualreport.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The golden JSON event samples, shipped in report-model's test-jar so every consumer reads the same files. */
public final class GoldenEvents {

    public static final String SUBMITTED = "golden/report-submitted.json";
    public static final String PARSED = "golden/report-parsed.json";
    public static final String VALIDATED = "golden/report-validated.json";
    public static final String FAILED = "golden/report-failed.json";
    public static final String REVALIDATION_REQUESTED = "golden/report-revalidation-requested.json";
    /** Not an event: store-service's answer to validate-service's cross-year question ({@code CrossYearContext}). */
    public static final String CROSS_YEAR_CONTEXT = "golden/cross-year-context.json";

    private GoldenEvents() {
    }

    /** The text of a golden sample. */
    public static String json(String resource) {
        try (InputStream in = GoldenEvents.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("golden sample missing from the classpath: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.annualreport.ingest.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a production API key must be: at least {@value #MIN_LENGTH} characters and none of the words that mark an
 * example or a placeholder (the development key, {@code change-me}, {@code replace…}, {@code example} …).
 */
public final class KeyPolicy {

    /** Characters a production key has at least (a 32-character random key carries ~190 bits). */
    public static final int MIN_LENGTH = 32;

    private static final List<String> PLACEHOLDERS = List.of("dev-key", "change-me", "changeme", "replace",
            "example", "placeholder", "secret", "password", "todo", "xxxx");

    private KeyPolicy() {
    }

    /** The problems of the {@code submitter=key,…} list, one sentence each naming the submitter; empty when fit. */
    public static List<String> problems(String submitterKeys) {
        List<String> problems = new ArrayList<>();
        if (submitterKeys == null || submitterKeys.isBlank()) {
            problems.add("no API key is configured");
            return problems;
        }
        for (String pair : submitterKeys.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String submitter = eq < 0 ? "?" : pair.substring(0, eq).strip();
            String key = eq < 0 ? pair.strip() : pair.substring(eq + 1).strip();
            String lower = key.toLowerCase(Locale.ROOT);
            PLACEHOLDERS.stream().filter(lower::contains).findFirst().ifPresent(word -> problems
                    .add("the key of '" + submitter + "' is a placeholder (contains '" + word + "')"));
            if (key.length() < MIN_LENGTH) {
                problems.add("the key of '" + submitter + "' has " + key.length() + " characters, fewer than "
                        + MIN_LENGTH);
            }
        }
        return problems;
    }
}

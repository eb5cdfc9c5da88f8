package io.annualreport.model.event;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * Derives the id of a stage's output event from the id of its input event, the stage and the version of the code
 * that ran, so that a redelivered input yields the same output event (effectively once) while a deliberate reprocess,
 * which is a new submitted event, yields a new one.
 */
public final class EventIds {

    /** The stage name used for the parse stage's output (a parsed or a failed event). */
    public static final String PARSE = "parse";

    /** The stage name used for the validate stage's output. */
    public static final String VALIDATE = "validate";

    private EventIds() {
    }

    /**
     * The name-based (version 3, MD5) UUID of {@code inputEventId|stage|version}.
     *
     * @param inputEventId the id of the event the stage consumed
     * @param stage the stage that produced the output, e.g. {@link #PARSE}
     * @param version the version of the code that produced it (parser version, rule set version)
     */
    public static UUID derived(UUID inputEventId, String stage, String version) {
        Objects.requireNonNull(inputEventId, "inputEventId");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(version, "version");
        String name = inputEventId + "|" + stage + "|" + version;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}

package io.annualreport.corpus;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** Which kinds of noise are switched on, for generating and for rendering a report. */
public record Noise(Set<NoiseKind> kinds) {

    public Noise {
        kinds = kinds.isEmpty()
                ? Collections.unmodifiableSet(EnumSet.noneOf(NoiseKind.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(kinds));
    }

    /** No noise at all: the output is the clean official layout. */
    public static Noise none() {
        return new Noise(EnumSet.noneOf(NoiseKind.class));
    }

    /** Every kind of noise switched on (each is still drawn per report, not applied to every report). */
    public static Noise all() {
        return new Noise(EnumSet.allOf(NoiseKind.class));
    }

    /** Only the given kinds. */
    public static Noise of(NoiseKind... kinds) {
        return new Noise(kinds.length == 0 ? EnumSet.noneOf(NoiseKind.class) : EnumSet.copyOf(Arrays.asList(kinds)));
    }

    /** Whether a kind is switched on. */
    public boolean has(NoiseKind kind) {
        return kinds.contains(kind);
    }
}

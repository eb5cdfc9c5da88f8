package io.annualreport.rules.catalogue;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import io.annualreport.model.template.Edition;
import io.annualreport.model.validation.Severity;
import io.annualreport.rules.engine.Part;
import io.annualreport.rules.engine.RuleSpec;

/** Shorthands for writing catalogue entries. */
final class Specs {

    static final Set<Edition> BOTH = Collections.unmodifiableSet(EnumSet.of(Edition.E2019, Edition.E2021));
    static final Set<Edition> NEW = Collections.unmodifiableSet(EnumSet.of(Edition.E2021));
    static final Set<Edition> OLD = Collections.unmodifiableSet(EnumSet.of(Edition.E2019));
    static final String V1 = "1.0.0";
    static final Severity E = Severity.ERROR;
    static final Severity W = Severity.WARNING;
    static final Severity I = Severity.INFO;

    private Specs() {
    }

    /** An implemented rule of version 1.0.0 that reads the tables (no narrative). */
    static RuleSpec spec(String id, Severity severity, Set<Edition> editions, Part part, String title, String formula,
            String zh, String en) {
        return new RuleSpec(id, V1, severity, editions, null, null, part, title, formula, zh, en, true, "");
    }

    /** An implemented rule of version 1.0.0 with a note on how it reads its input. */
    static RuleSpec spec(String id, Severity severity, Set<Edition> editions, Part part, String title, String formula,
            String zh, String en, String note) {
        return new RuleSpec(id, V1, severity, editions, null, null, part, title, formula, zh, en, true, note);
    }
}

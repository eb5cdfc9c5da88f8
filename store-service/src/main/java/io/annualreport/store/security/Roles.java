package io.annualreport.store.security;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The four roles of the workbench and what each implies: an admin may do everything, a reviewer and a submitter may
 * also read.
 */
public final class Roles {

    /** Reads reports, findings, exports and letters. */
    public static final String READER = "reader";
    /** Corrects cells, decides on findings, sets the review state, reprocesses one report. */
    public static final String REVIEWER = "reviewer";
    /** Submits reports (ingest). */
    public static final String SUBMITTER = "submitter";
    /** Reprocesses everything, replays dead letters, merges agencies. */
    public static final String ADMIN = "admin";

    private Roles() {
    }

    /** The given roles with every role they imply. */
    public static Set<String> withImplied(Set<String> roles) {
        Set<String> all = new LinkedHashSet<>(roles);
        if (all.contains(ADMIN)) {
            all.add(REVIEWER);
            all.add(SUBMITTER);
        }
        if (all.contains(REVIEWER) || all.contains(SUBMITTER)) {
            all.add(READER);
        }
        return all;
    }
}

package io.annualreport.ingest.intake;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import io.annualreport.model.event.ReportIds;

/** The submitters' API keys, held only as SHA-256 hashes. */
public final class ApiKeys {

    /** The key of the local run; a production profile must not accept it. */
    public static final String DEV_KEY = "dev-key";

    private final Map<String, String> submitterByHash = new HashMap<>();
    private final Set<String> revokedHashes = new HashSet<>();

    /** Reads {@code submitter=key,…} and a comma-separated list of revoked keys. */
    public ApiKeys(String accepted, String revoked) {
        for (String pair : accepted.split(",")) {
            String p = pair.strip();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            if (eq <= 0 || eq == p.length() - 1) {
                throw new IllegalArgumentException("API keys must be submitter=key pairs; got an entry without '='");
            }
            submitterByHash.put(hash(p.substring(eq + 1).strip()), p.substring(0, eq).strip());
        }
        for (String key : revoked.split(",")) {
            if (!key.isBlank() && !key.strip().equals("none")) {
                revokedHashes.add(hash(key.strip()));
            }
        }
    }

    /** Whether the development key is among the accepted ones. */
    public boolean acceptsDevKey() {
        return submitterByHash.containsKey(hash(DEV_KEY));
    }

    /** The outcome of checking a presented key. */
    public enum Check {
        MISSING, UNKNOWN, REVOKED, ACCEPTED
    }

    /** Checks a presented key. */
    public Check check(String presented) {
        if (presented == null || presented.isBlank()) {
            return Check.MISSING;
        }
        String h = hash(presented.strip());
        if (revokedHashes.contains(h)) {
            return Check.REVOKED;
        }
        return submitterByHash.containsKey(h) ? Check.ACCEPTED : Check.UNKNOWN;
    }

    /**
     * The submitter the presented key belongs to.
     *
     * @throws IntakeRefusedException ({@link IntakeRefusal#UNAUTHENTICATED} or {@link IntakeRefusal#KEY_REVOKED}) for
     *         a missing, unknown or revoked key
     */
    public String submitterOf(String presented) {
        return switch (check(presented)) {
            case MISSING -> throw new IntakeRefusedException(IntakeRefusal.UNAUTHENTICATED,
                    "send your API key in X-Api-Key");
            case UNKNOWN -> throw new IntakeRefusedException(IntakeRefusal.UNAUTHENTICATED, "the API key is not known");
            case REVOKED -> throw new IntakeRefusedException(IntakeRefusal.KEY_REVOKED, "the API key has been revoked");
            case ACCEPTED -> submitterByHash.get(hash(presented.strip()));
        };
    }

    private static String hash(String key) {
        return ReportIds.sha256(key.getBytes(StandardCharsets.UTF_8));
    }
}

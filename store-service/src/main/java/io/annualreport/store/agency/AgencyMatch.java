package io.annualreport.store.agency;

import java.util.List;

/**
 * The outcome of matching one report to the registry: an existing agency, or the description of a new one.
 *
 * @param agencyId the matched agency, null when a new one is to be registered
 * @param confidence 0–1, how sure the match is
 * @param name the canonical name of a new agency (the fullest printed form)
 * @param regionCode the division of a new agency, null when its name names none or several
 * @param body the folded name without region names
 * @param aliases the names to record as aliases of the agency (printed forms and their forms with and without the
 *        higher-level regions)
 */
public record AgencyMatch(Long agencyId, MatchBasis basis, double confidence, String name, String regionCode,
        String body, AgencyKind kind, List<String> aliases) {

    /** Whether a new agency is to be registered. */
    public boolean isNew() {
        return agencyId == null;
    }
}

package io.annualreport.model.history;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What store-service knows about a report's agency across years and agencies, the answer validate-service asks for
 * before it runs the cross-document rules (Y-01…Y-04).
 *
 * @param schemaVersion {@link #SCHEMA_VERSION}
 * @param agencyId the canonical agency the printed name resolves to, null when the registry does not know it yet
 * @param matchBasis how the name was resolved ({@code EXACT_ALIAS}, {@code REGION_PREFIX_STRIPPED}, …), null when not
 * @param previousYear the agency's current report of the year before, null when none is stored
 * @param peers other agencies' narratives of the same year in the same city-level region (at most a few dozen)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CrossYearContext(
        int schemaVersion,
        Long agencyId,
        String matchBasis,
        PreviousYearSnapshot previousYear,
        List<PeerNarrative> peers) {

    /** The version of this contract. */
    public static final int SCHEMA_VERSION = 1;

    public CrossYearContext {
        peers = peers == null ? List.of() : List.copyOf(peers);
    }

    /** Nothing known: an agency the registry has never seen. */
    public static CrossYearContext unknown() {
        return new CrossYearContext(SCHEMA_VERSION, null, null, null, List.of());
    }
}

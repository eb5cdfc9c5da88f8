package io.annualreport.store.security;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;

import io.annualreport.store.persistence.ReportFilter;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The regions the signed-in user of this request may see ({@link RegionScopes}): every region, or the reports whose
 * agency registry region lies below one of the user's region codes.
 */
@RequestScoped
public class RegionScope {

    private final SecurityIdentity identity;

    public RegionScope(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The user's region prefixes; empty when the user is not limited to regions. */
    public Optional<List<String>> prefixes() {
        return of(identity);
    }

    /** The region prefixes an identity is limited to; empty when it is not limited. */
    @SuppressWarnings("unchecked")
    public static Optional<List<String>> of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return Optional.empty();
        }
        Object regions = identity.getAttribute(RegionScopes.ATTRIBUTE);
        return regions instanceof List<?> list ? Optional.of((List<String>) list) : Optional.empty();
    }

    /** Whether a report of this region code (null: not linked to a region) is within the scope. */
    public boolean allows(String regionCode) {
        return prefixes().map(p -> regionCode != null && p.stream().anyMatch(regionCode::startsWith)).orElse(true);
    }

    /** The filter limited to the user's regions (unchanged for a user who is not limited). */
    public ReportFilter apply(ReportFilter filter) {
        return prefixes().map(filter::withinRegions).orElse(filter);
    }
}

package io.annualreport.store.service;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.annualreport.store.agency.YearComparison;
import io.annualreport.store.persistence.AgencyQueries;
import io.annualreport.store.persistence.CrossYearQueries;

/** Two years of one agency compared, from the stored current reports of both years. */
@ApplicationScoped
public class AgencyComparisons {

    private final AgencyQueries queries;
    private final CrossYearQueries crossYear;

    public AgencyComparisons(AgencyQueries queries, CrossYearQueries crossYear) {
        this.queries = queries;
        this.crossYear = crossYear;
    }

    /**
     * Year {@code from} compared with year {@code to}; without {@code to} the agency's latest year, without
     * {@code from} the year before {@code to}. Empty when the agency or one of the years is not stored.
     */
    public Optional<YearComparison.Comparison> compare(long agencyId, Integer from, Integer to) {
        Optional<AgencyQueries.AgencyDetail> agency = queries.detail(agencyId);
        if (agency.isEmpty()) {
            return Optional.empty();
        }
        List<Integer> years = agency.get().reports().stream().map(AgencyQueries.AgencyReport::year)
                .filter(Objects::nonNull).distinct().sorted().toList();
        if (years.isEmpty() && to == null) {
            return Optional.empty();
        }
        int later = to != null ? to : years.get(years.size() - 1);
        int earlier = from != null ? from : later - 1;
        return crossYear.snapshot(agencyId, earlier)
                .flatMap(a -> crossYear.snapshot(agencyId, later).map(b -> YearComparison.compare(a, b)));
    }
}

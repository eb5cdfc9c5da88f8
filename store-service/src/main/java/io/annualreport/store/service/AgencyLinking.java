package io.annualreport.store.service;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.annualreport.model.event.ReportParsedEvent;
import io.annualreport.model.event.ReportValidatedEvent;
import io.annualreport.model.event.RevalidationCause;
import io.annualreport.store.messaging.StoredEvent;
import io.annualreport.store.persistence.AgencyStore;
import io.annualreport.store.persistence.FollowingYearReports;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;

/**
 * Attaches every stored report to its canonical agency (when its parse run or verdict is stored), and when agency
 * A's report for year Y is validated, asks validate to check A's year Y+1 reports again (their stored parse runs, no
 * re-extraction) if their cross-year rules were not assessable, so that a previous year arriving late still gets its
 * continuity checked. Only the following year is revisited, and only while its Y-01 is not assessable, so this cannot
 * loop; a redelivered validated event yields the same request ids.
 */
@ApplicationScoped
public class AgencyLinking {

    private final AgencyStore agencies;
    private final FollowingYearReports followingYear;
    private final Revalidation revalidation;

    public AgencyLinking(AgencyStore agencies, FollowingYearReports followingYear, Revalidation revalidation) {
        this.agencies = agencies;
        this.followingYear = followingYear;
        this.revalidation = revalidation;
    }

    void onStart(@Observes StartupEvent start) {
        try {
            int loaded = agencies.loadRegions();
            if (loaded > 0) {
                Log.infof("loaded %d divisions into the region table", loaded);
            }
        } catch (RuntimeException e) {
            Log.warnf(e, "the region table could not be loaded now; agency matching reads the vendored table anyway");
        }
    }

    void onStored(@Observes StoredEvent stored) {
        if (stored.event() instanceof ReportParsedEvent parsed) {
            link(parsed.reportId());
        } else if (stored.event() instanceof ReportValidatedEvent validated) {
            link(validated.reportId()).ifPresent(link -> {
                if (link.year() != null) {
                    revalidate(followingYear.awaitingPreviousYear(link.agencyId(), link.year() + 1,
                            validated.reportId()), RevalidationCause.PREVIOUS_YEAR_ARRIVED, "store-service",
                            validated.eventId());
                }
            });
        }
    }

    private Optional<AgencyStore.Link> link(String reportId) {
        try {
            Optional<AgencyStore.Link> link = agencies.link(reportId);
            link.filter(AgencyStore.Link::newlyLinked).ifPresent(l -> Log.infof(
                    "reportId=%s linked to agency %d (%s, %.2f)", reportId, l.agencyId(), l.basis(), l.confidence()));
            return link;
        } catch (RuntimeException e) {
            Log.warnf(e, "reportId=%s could not be linked to its agency", reportId);
            return Optional.empty();
        }
    }

    /**
     * Asks validate to check these reports' stored parse runs again.
     *
     * @param trigger the event that caused it (same request ids when it is redelivered), null for a user's request
     */
    public void revalidate(List<String> reportIds, RevalidationCause cause, String requestedBy, UUID trigger) {
        if (!reportIds.isEmpty()) {
            Log.infof("revalidating %s (%s)", reportIds, cause);
        }
        for (String reportId : reportIds) {
            try {
                revalidation.request(reportId, cause, requestedBy, Map.of(), trigger);
            } catch (RuntimeException e) {
                Log.warnf(e, "reportId=%s could not be revalidated (%s)", reportId, cause);
            }
        }
    }
}

package io.annualreport.store.service;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.annualreport.model.event.ReportValidatedEvent;
import io.annualreport.model.event.RevalidationCause;
import io.annualreport.store.messaging.StoredEvent;
import io.annualreport.store.persistence.FollowingYearReports;
import io.quarkus.logging.Log;

/**
 * When agency A's report for year Y is stored as validated, asks validate to check A's year Y+1 report again (its
 * stored parse run, no re-extraction) if its cross-year rules were not assessable, so that a previous year arriving
 * late still gets its continuity checked. Only the following year is revisited, and only while its Y-01 is not
 * assessable, so this cannot loop; a redelivered validated event yields the same request ids.
 */
@ApplicationScoped
public class FollowingYearRevalidation {

    private final FollowingYearReports followingYear;
    private final Revalidation revalidation;

    public FollowingYearRevalidation(FollowingYearReports followingYear, Revalidation revalidation) {
        this.followingYear = followingYear;
        this.revalidation = revalidation;
    }

    void onStored(@Observes StoredEvent stored) {
        if (!(stored.event() instanceof ReportValidatedEvent validated) || validated.identity() == null
                || validated.identity().agency() == null || validated.identity().year() == null) {
            return;
        }
        String agency = validated.identity().agency();
        int nextYear = validated.identity().year() + 1;
        try {
            List<String> again = followingYear.awaitingPreviousYear(agency, nextYear, validated.reportId());
            if (!again.isEmpty()) {
                Log.infof("reportId=%s is the previous year of %s; revalidating them", validated.reportId(), again);
            }
            for (String reportId : again) {
                revalidation.request(reportId, RevalidationCause.PREVIOUS_YEAR_ARRIVED, "store-service", Map.of(),
                        validated.eventId());
            }
        } catch (RuntimeException e) {
            Log.warnf(e, "reportId=%s could not trigger revalidation of %s %d", validated.reportId(), agency,
                    nextYear);
        }
    }
}

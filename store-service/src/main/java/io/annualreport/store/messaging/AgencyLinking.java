package io.annualreport.store.messaging;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.annualreport.model.event.ReportParsedEvent;
import io.annualreport.model.event.ReportSubmittedEvent;
import io.annualreport.model.event.ReportValidatedEvent;
import io.annualreport.store.persistence.AgencyStore;
import io.annualreport.store.persistence.FollowingYearReports;
import io.annualreport.store.persistence.SubmissionReader;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;

/**
 * Attaches every stored report to its canonical agency (when its parse run or verdict is stored), and when agency
 * A's report for year Y is validated, has A's year Y+1 reports validated again if their cross-year rules were not
 * assessable, so that a previous year arriving late still gets its continuity checked. Only the following year is
 * revisited, and only while its Y-01 is not assessable, so this cannot loop.
 */
@ApplicationScoped
public class AgencyLinking {

    private final AgencyStore agencies;
    private final FollowingYearReports followingYear;
    private final SubmissionReader submissions;
    private final ResubmitPublisher publisher;

    public AgencyLinking(AgencyStore agencies, FollowingYearReports followingYear, SubmissionReader submissions,
            ResubmitPublisher publisher) {
        this.agencies = agencies;
        this.followingYear = followingYear;
        this.submissions = submissions;
        this.publisher = publisher;
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
                            validated.reportId()), "PREVIOUS_YEAR_ARRIVED");
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

    /** Has these reports validated again; the cause is logged ({@code PREVIOUS_YEAR_ARRIVED}, {@code AGENCY_LINKED}). */
    public void revalidate(List<String> reportIds, String cause) {
        try {
            List<ReportSubmittedEvent> again = reportIds.stream().map(submissions::resubmission)
                    .flatMap(Optional::stream).toList();
            if (!again.isEmpty()) {
                Log.infof("revalidating %s (%s)", reportIds, cause);
                publisher.publish(again);
            }
        } catch (RuntimeException e) {
            Log.warnf(e, "could not revalidate %s (%s)", reportIds, cause);
        }
    }
}

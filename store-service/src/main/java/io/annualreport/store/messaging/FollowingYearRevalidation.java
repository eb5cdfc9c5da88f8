package io.annualreport.store.messaging;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.annualreport.model.event.ReportSubmittedEvent;
import io.annualreport.model.event.ReportValidatedEvent;
import io.annualreport.store.persistence.FollowingYearReports;
import io.annualreport.store.persistence.SubmissionReader;
import io.quarkus.logging.Log;

/**
 * When agency A's report for year Y is stored as validated, sends A's year Y+1 report through the pipeline again if
 * its cross-year rules were not assessable, so that a previous year arriving late still gets its continuity checked.
 * Only the following year is revisited, and only while its Y-01 is not assessable, so this cannot loop.
 */
@ApplicationScoped
public class FollowingYearRevalidation {

    private final FollowingYearReports followingYear;
    private final SubmissionReader submissions;
    private final ResubmitPublisher publisher;

    public FollowingYearRevalidation(FollowingYearReports followingYear, SubmissionReader submissions,
            ResubmitPublisher publisher) {
        this.followingYear = followingYear;
        this.submissions = submissions;
        this.publisher = publisher;
    }

    void onStored(@Observes StoredEvent stored) {
        if (!(stored.event() instanceof ReportValidatedEvent validated) || validated.identity() == null
                || validated.identity().agency() == null || validated.identity().year() == null) {
            return;
        }
        String agency = validated.identity().agency();
        int nextYear = validated.identity().year() + 1;
        try {
            List<ReportSubmittedEvent> again = followingYear.awaitingPreviousYear(agency, nextYear,
                    validated.reportId()).stream().map(submissions::resubmission).flatMap(Optional::stream).toList();
            if (!again.isEmpty()) {
                Log.infof("reportId=%s is the previous year of %s; revalidating them", validated.reportId(),
                        again.stream().map(ReportSubmittedEvent::reportId).toList());
                publisher.publish(again);
            }
        } catch (RuntimeException e) {
            Log.warnf(e, "reportId=%s could not trigger revalidation of %s %d", validated.reportId(), agency,
                    nextYear);
        }
    }
}

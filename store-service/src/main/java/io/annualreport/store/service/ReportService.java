package io.annualreport.store.service;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.annualreport.model.event.ReportSubmittedEvent;
import io.annualreport.store.messaging.ResubmitPublisher;
import io.annualreport.store.persistence.ReportDetail;
import io.annualreport.store.persistence.ReportQueries;
import io.annualreport.store.persistence.ReportReader;
import io.annualreport.store.persistence.ReportSummary;
import io.annualreport.store.persistence.SubmissionReader;

/**
 * What the report API does with one report or a filtered set, between the REST adapter and the queries: existence
 * checks, version groups and reprocessing, so that the resource only maps answers to HTTP.
 */
@ApplicationScoped
public class ReportService {

    private final ReportReader reader;
    private final ReportQueries queries;
    private final SubmissionReader submissions;
    private final ResubmitPublisher publisher;

    public ReportService(ReportReader reader, ReportQueries queries, SubmissionReader submissions,
            ResubmitPublisher publisher) {
        this.reader = reader;
        this.queries = queries;
        this.submissions = submissions;
        this.publisher = publisher;
    }

    /** The report's detail, or empty when the store has never seen it. */
    public Optional<ReportDetail> detail(String reportId) {
        return reader.detail(reportId);
    }

    /** The reports of the same agency and year, newest first; empty when the report is unknown. */
    public Optional<List<ReportSummary>> versions(String reportId) {
        if (!queries.exists(reportId)) {
            return Optional.empty();
        }
        return Optional.of(queries.versionGroup(reportId)
                .map(group -> queries.versions(group.getKey(), group.getValue())).orElse(List.of()));
    }

    /** Sends one report through the pipeline again. */
    public Reprocessing reprocess(String reportId) {
        Optional<ReportSubmittedEvent> event = submissions.resubmission(reportId);
        if (event.isEmpty()) {
            return queries.exists(reportId) ? Reprocessing.notSubmitted() : Reprocessing.unknown();
        }
        publisher.publish(List.of(event.get()));
        return Reprocessing.sent(event.get());
    }

    /**
     * The result of reprocessing one report.
     *
     * @param known whether the store has seen the report
     * @param event the submitted event published, or null when the report has no stored submission
     */
    public record Reprocessing(boolean known, ReportSubmittedEvent event) {

        static Reprocessing unknown() {
            return new Reprocessing(false, null);
        }

        static Reprocessing notSubmitted() {
            return new Reprocessing(true, null);
        }

        static Reprocessing sent(ReportSubmittedEvent event) {
            return new Reprocessing(true, event);
        }
    }
}

package io.annualreport.ingest.intake;

import io.annualreport.model.event.ReportSubmittedEvent;

/** Where the intake hands over an accepted report's event: on return, the event is durably with the broker. */
@FunctionalInterface
public interface SubmissionSink {

    /**
     * Publishes the event and returns once the broker acknowledged it.
     *
     * @throws RuntimeException when it was not acknowledged in time; the event is then never delivered later
     */
    void submit(ReportSubmittedEvent event);
}

package io.annualreport.parse.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.annualreport.model.event.EventCodec;
import io.annualreport.model.event.ReportEvent;
import io.annualreport.model.event.ReportFailedEvent;
import io.annualreport.model.event.ReportSubmittedEvent;
import io.annualreport.parse.ReportProcessing;
import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Consumes {@code reports.submitted} on a worker thread (never in the poll loop) and publishes the outcome; a payload
 * that is not a submission is nacked and lands on the dead-letter topic, while an unavailable blob store or broker is
 * waited for ({@link DependencyWait}).
 */
@ApplicationScoped
public class SubmittedReportProcessor {

    private final ReportProcessing processing;
    private final EventPublisher publisher;
    private final DependencyWait wait;

    public SubmittedReportProcessor(ReportProcessing processing, EventPublisher publisher, DependencyWait wait) {
        this.processing = processing;
        this.publisher = publisher;
        this.wait = wait;
    }

    @Incoming("submitted")
    @Blocking(value = "parse-pool", ordered = false)
    public void onSubmitted(String payload) {
        ReportSubmittedEvent submitted = EventCodec.decode(payload, ReportSubmittedEvent.class);
        long started = System.nanoTime();
        ReportEvent outcome = wait.until("the blob store", submitted.reportId(), () -> processing.process(submitted),
                DependencyWait::blobStoreOutage);
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (outcome instanceof ReportFailedEvent failed) {
            Log.warnf("reportId=%s parse failed after %d ms: %s %s", submitted.reportId(), millis, failed.reason(),
                    failed.message());
        } else {
            Log.infof("reportId=%s parsed %s in %d ms", submitted.reportId(), submitted.fileName(), millis);
        }
        // the outcome's id is derived from the submission's, so publishing it again after a timeout is harmless
        wait.until("the broker", submitted.reportId(), () -> {
            publisher.publish(outcome);
            return outcome;
        }, DependencyWait::brokerOutage);
    }
}

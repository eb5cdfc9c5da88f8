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
 * that is not a submission is nacked and lands on the dead-letter topic.
 */
@ApplicationScoped
public class SubmittedReportProcessor {

    private final ReportProcessing processing;
    private final EventPublisher publisher;

    public SubmittedReportProcessor(ReportProcessing processing, EventPublisher publisher) {
        this.processing = processing;
        this.publisher = publisher;
    }

    @Incoming("submitted")
    @Blocking(value = "parse-pool", ordered = false)
    public void onSubmitted(String payload) {
        ReportSubmittedEvent submitted = EventCodec.decode(payload, ReportSubmittedEvent.class);
        long started = System.nanoTime();
        ReportEvent outcome = processing.process(submitted);
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (outcome instanceof ReportFailedEvent failed) {
            Log.warnf("reportId=%s parse failed after %d ms: %s %s", submitted.reportId(), millis, failed.reason(),
                    failed.message());
        } else {
            Log.infof("reportId=%s parsed %s in %d ms", submitted.reportId(), submitted.fileName(), millis);
        }
        publisher.publish(outcome);
    }
}

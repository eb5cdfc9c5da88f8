package io.annualreport.store.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.annualreport.model.event.EventCodec;
import io.annualreport.model.event.ReportFailedEvent;
import io.annualreport.model.event.ReportParsedEvent;
import io.annualreport.model.event.ReportSubmittedEvent;
import io.annualreport.model.event.ReportValidatedEvent;
import io.annualreport.store.persistence.ReportWriter;
import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Consumes the four pipeline topics and stores each event once; a payload that is not a valid event throws, so
 * that the record is nacked onto the channel's dead-letter topic and the channel carries on; while the database is
 * down, {@link DatabaseOutage} holds the worker until it is back, so that nothing is dead-lettered or skipped.
 */
@ApplicationScoped
public class ReportEventConsumer {

    @Inject
    ReportWriter writer;

    @Inject
    DatabaseOutage outage;

    @Inject
    Event<StoredEvent> stored;

    @Incoming("submitted")
    @Blocking
    public void onSubmitted(String payload) {
        ReportSubmittedEvent event = EventCodec.decode(payload, ReportSubmittedEvent.class);
        boolean applied = outage.untilWritten(event.reportId(), () -> writer.applySubmitted(event));
        report(applied, "submitted", event.reportId(), event.eventId().toString());
        if (applied) {
            stored.fire(new StoredEvent("submitted", event));
        }
    }

    @Incoming("parsed")
    @Blocking
    public void onParsed(String payload) {
        ReportParsedEvent event = EventCodec.decode(payload, ReportParsedEvent.class);
        boolean applied = outage.untilWritten(event.reportId(), () -> writer.applyParsed(event));
        report(applied, "parsed", event.reportId(), event.eventId().toString());
        if (applied) {
            stored.fire(new StoredEvent("parsed", event));
        }
    }

    @Incoming("validated")
    @Blocking
    public void onValidated(String payload) {
        ReportValidatedEvent event = EventCodec.decode(payload, ReportValidatedEvent.class);
        boolean applied = outage.untilWritten(event.reportId(), () -> writer.applyValidated(event));
        report(applied, "validated", event.reportId(), event.eventId().toString());
        if (applied) {
            stored.fire(new StoredEvent("validated", event));
        }
    }

    @Incoming("failed")
    @Blocking
    public void onFailed(String payload) {
        ReportFailedEvent event = EventCodec.decode(payload, ReportFailedEvent.class);
        boolean applied = outage.untilWritten(event.reportId(), () -> writer.applyFailed(event));
        report(applied, "failed", event.reportId(), event.eventId().toString());
        if (applied) {
            stored.fire(new StoredEvent("failed", event));
        }
    }

    private static void report(boolean applied, String kind, String reportId, String eventId) {
        if (applied) {
            Log.infof("reportId=%s stored %s event %s", reportId, kind, eventId);
        } else {
            Log.infof("reportId=%s ignored duplicate %s event %s", reportId, kind, eventId);
        }
    }
}

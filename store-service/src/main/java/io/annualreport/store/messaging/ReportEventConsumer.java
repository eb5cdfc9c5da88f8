package io.annualreport.store.messaging;

import java.util.function.Supplier;

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
import io.annualreport.store.persistence.StoreException;
import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Consumes the four pipeline topics and stores each event once; a payload that is not a valid event throws, so
 * that the record is nacked onto the channel's dead-letter topic and the channel carries on.
 */
@ApplicationScoped
public class ReportEventConsumer {

    private static final int MAX_ATTEMPTS = 4;

    @Inject
    ReportWriter writer;

    @Inject
    Event<StoredEvent> stored;

    @Incoming("submitted")
    @Blocking
    public void onSubmitted(String payload) {
        ReportSubmittedEvent event = EventCodec.decode(payload, ReportSubmittedEvent.class);
        boolean applied = retrying(event.reportId(), () -> writer.applySubmitted(event));
        report(applied, "submitted", event.reportId(), event.eventId().toString());
        if (applied) {
            stored.fire(new StoredEvent("submitted", event));
        }
    }

    @Incoming("parsed")
    @Blocking
    public void onParsed(String payload) {
        ReportParsedEvent event = EventCodec.decode(payload, ReportParsedEvent.class);
        boolean applied = retrying(event.reportId(), () -> writer.applyParsed(event));
        report(applied, "parsed", event.reportId(), event.eventId().toString());
        if (applied) {
            stored.fire(new StoredEvent("parsed", event));
        }
    }

    @Incoming("validated")
    @Blocking
    public void onValidated(String payload) {
        ReportValidatedEvent event = EventCodec.decode(payload, ReportValidatedEvent.class);
        boolean applied = retrying(event.reportId(), () -> writer.applyValidated(event));
        report(applied, "validated", event.reportId(), event.eventId().toString());
        if (applied) {
            stored.fire(new StoredEvent("validated", event));
        }
    }

    @Incoming("failed")
    @Blocking
    public void onFailed(String payload) {
        ReportFailedEvent event = EventCodec.decode(payload, ReportFailedEvent.class);
        boolean applied = retrying(event.reportId(), () -> writer.applyFailed(event));
        report(applied, "failed", event.reportId(), event.eventId().toString());
        if (applied) {
            stored.fire(new StoredEvent("failed", event));
        }
    }

    /**
     * Retries a write that failed in the database (e.g. a restart or a lost connection) a few times before the
     * record is nacked onto the dead-letter topic, so that a short database outage does not dead-letter good events.
     */
    static boolean retrying(String reportId, Supplier<Boolean> write) {
        for (int attempt = 1;; attempt++) {
            try {
                return write.get();
            } catch (StoreException e) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
                Log.warnf(e, "reportId=%s store attempt %d failed, retrying", reportId, attempt);
                try {
                    Thread.sleep(200L << attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
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

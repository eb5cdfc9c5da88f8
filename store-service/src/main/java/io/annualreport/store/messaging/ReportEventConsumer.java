package io.annualreport.store.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.annualreport.model.event.EventCodec;
import io.annualreport.model.event.ReportEvent;
import io.annualreport.model.event.ReportFailedEvent;
import io.annualreport.model.event.ReportParsedEvent;
import io.annualreport.model.event.ReportSubmittedEvent;
import io.annualreport.model.event.ReportValidatedEvent;
import io.annualreport.store.persistence.write.FailedWriter;
import io.annualreport.store.persistence.write.ParsedWriter;
import io.annualreport.store.persistence.write.SubmittedWriter;
import io.annualreport.store.persistence.write.ValidatedWriter;
import io.annualreport.store.persistence.write.WriteOutcome;
import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Consumes the four pipeline topics and stores each event once; a payload that is not a valid event throws, so
 * that the record is nacked onto the channel's dead-letter topic and the channel carries on; while the database is
 * down, {@link DatabaseOutage} holds the worker until it is back, so that nothing is dead-lettered or skipped.
 */
@ApplicationScoped
public class ReportEventConsumer {

    private final SubmittedWriter submitted;
    private final ParsedWriter parsed;
    private final ValidatedWriter validated;
    private final FailedWriter failed;
    private final Event<StoredEvent> stored;
    private final DatabaseOutage outage;

    public ReportEventConsumer(SubmittedWriter submitted, ParsedWriter parsed, ValidatedWriter validated,
            FailedWriter failed, Event<StoredEvent> stored, DatabaseOutage outage) {
        this.submitted = submitted;
        this.parsed = parsed;
        this.validated = validated;
        this.failed = failed;
        this.stored = stored;
        this.outage = outage;
    }

    @Incoming("submitted")
    @Blocking
    public void onSubmitted(String payload) {
        ReportSubmittedEvent event = EventCodec.decode(payload, ReportSubmittedEvent.class);
        announce("submitted", event, outage.untilWritten(event.reportId(), () -> submitted.apply(event)));
    }

    @Incoming("parsed")
    @Blocking
    public void onParsed(String payload) {
        ReportParsedEvent event = EventCodec.decode(payload, ReportParsedEvent.class);
        announce("parsed", event, outage.untilWritten(event.reportId(), () -> parsed.apply(event)));
    }

    @Incoming("validated")
    @Blocking
    public void onValidated(String payload) {
        ReportValidatedEvent event = EventCodec.decode(payload, ReportValidatedEvent.class);
        announce("validated", event, outage.untilWritten(event.reportId(), () -> validated.apply(event)));
    }

    @Incoming("failed")
    @Blocking
    public void onFailed(String payload) {
        ReportFailedEvent event = EventCodec.decode(payload, ReportFailedEvent.class);
        announce("failed", event, outage.untilWritten(event.reportId(), () -> failed.apply(event)));
    }

    /** Logs the outcome and tells live listeners about every event whose effect readers can now see. */
    private void announce(String kind, ReportEvent event, WriteOutcome outcome) {
        if (!outcome.applied()) {
            Log.infof("reportId=%s ignored duplicate %s event %s", event.reportId(), kind, event.eventId());
            return;
        }
        Log.infof("reportId=%s stored %s event %s", event.reportId(), kind, event.eventId());
        for (ReportEvent visible : outcome.visible()) {
            stored.fire(new StoredEvent(kindOf(visible), visible));
        }
    }

    private static String kindOf(ReportEvent event) {
        if (event instanceof ReportSubmittedEvent) {
            return "submitted";
        } else if (event instanceof ReportParsedEvent) {
            return "parsed";
        } else if (event instanceof ReportValidatedEvent) {
            return "validated";
        }
        return "failed";
    }
}

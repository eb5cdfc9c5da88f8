package io.annualreport.store.messaging;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.annualreport.model.event.ReportFailedEvent;
import io.annualreport.model.event.ReportValidatedEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

/** Broadcasts stored validation and failure events to live subscribers (the SSE stream). */
@ApplicationScoped
public class LiveEvents {

    private final BroadcastProcessor<LiveEvent> processor = BroadcastProcessor.create();

    void onStored(@Observes StoredEvent stored) {
        LiveEvent live = null;
        if (stored.event() instanceof ReportValidatedEvent v) {
            live = new LiveEvent("validated", v.reportId(), v.eventId().toString(), v.occurredAt(),
                    v.verdict() != null ? v.verdict().name() : null,
                    v.identity() != null ? v.identity().agency() : null,
                    v.identity() != null ? v.identity().year() : null,
                    v.counts() != null ? v.counts().errors() : null,
                    v.counts() != null ? v.counts().warnings() : null, v.rulesetVersion(), null, null);
        } else if (stored.event() instanceof ReportFailedEvent f) {
            live = new LiveEvent("failed", f.reportId(), f.eventId().toString(), f.occurredAt(), null, null, null,
                    null, null, null, f.stage() != null ? f.stage().name() : null,
                    f.reason() != null ? f.reason().name() : null);
        }
        if (live != null) {
            synchronized (processor) {
                processor.onNext(live);
            }
        }
    }

    /** The live events from now on. */
    public Multi<LiveEvent> stream() {
        return processor;
    }

    /** One validation or failure as sent on the SSE stream. */
    public record LiveEvent(String type, String reportId, String eventId, Instant occurredAt, String verdict,
            String agency, Integer year, Integer errors, Integer warnings, String rulesetVersion, String stage,
            String reason) {
    }
}

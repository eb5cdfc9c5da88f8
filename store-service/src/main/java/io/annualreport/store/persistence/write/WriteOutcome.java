package io.annualreport.store.persistence.write;

import java.util.List;

import io.annualreport.model.event.ReportEvent;

/**
 * What applying one pipeline event did to the store.
 *
 * @param applied false when the event id was in the ledger already (a redelivery): nothing was written
 * @param visible the events whose effect readers can now see, for live listeners: usually the event itself; none
 *        for a duplicate or a validation held until its parse run arrives; a parse run can also release the
 *        validations that waited for it
 */
public record WriteOutcome(boolean applied, List<ReportEvent> visible) {

    public WriteOutcome {
        visible = List.copyOf(visible);
    }

    /** The event was in the ledger already. */
    public static WriteOutcome duplicate() {
        return new WriteOutcome(false, List.of());
    }
}

package io.annualreport.store.messaging;

import io.annualreport.model.event.ReportEvent;

/**
 * A CDI event fired after a pipeline event was committed to the database, for live listeners such as the SSE
 * stream.
 *
 * @param kind {@code submitted}, {@code parsed}, {@code validated} or {@code failed}
 */
public record StoredEvent(String kind, ReportEvent event) {
}

package io.annualreport.model.event;

import java.time.Instant;
import java.util.UUID;

/** The fields every pipeline event carries, so that any consumer can key, order and de-duplicate it. */
public interface ReportEvent {

    /** Unique id of this event; consumers record it to store each event once. */
    UUID eventId();

    /** Id of the report the event is about; also the Kafka record key. */
    String reportId();

    /** When the event was created. */
    Instant occurredAt();

    /** Version of the event schema; consumers ignore fields they do not know. */
    int schemaVersion();
}

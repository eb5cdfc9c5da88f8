package io.annualreport.store.persistence.write;

import static io.annualreport.store.persistence.write.Jdbc.name;
import static io.annualreport.store.persistence.write.Jdbc.timestamp;

import java.sql.PreparedStatement;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.annualreport.model.event.ReportFailedEvent;

/** Records failures ({@code reports.failed}): which stage gave up on a report and why. */
@ApplicationScoped
public class FailedWriter {

    private final EventLedger ledger;

    public FailedWriter(EventLedger ledger) {
        this.ledger = ledger;
    }

    /** Records a failure once. */
    @Transactional
    public WriteOutcome apply(ReportFailedEvent event) {
        return ledger.apply(event, c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into failure (report_id, event_id, occurred_at, stage, reason, message, attempt)
                    values (?, ?, ?, ?, ?, ?, ?)""")) {
                ps.setString(1, event.reportId());
                ps.setObject(2, event.eventId());
                ps.setTimestamp(3, timestamp(event.occurredAt()));
                ps.setString(4, name(event.stage()));
                ps.setString(5, name(event.reason()));
                ps.setString(6, event.message());
                ps.setInt(7, event.attempt());
                ps.executeUpdate();
            }
            String stage = event.stage() != null ? event.stage().name() : "UNKNOWN";
            return new EventLedger.Entry(stage, null, event.reason() + ": " + event.message(), List.of(event));
        });
    }
}

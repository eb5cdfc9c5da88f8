package io.annualreport.store.persistence.write;

import static io.annualreport.store.persistence.write.Jdbc.setLong;
import static io.annualreport.store.persistence.write.Jdbc.timestamp;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.annualreport.model.event.ReportEvent;
import io.annualreport.store.persistence.ReportStatus;
import io.annualreport.store.persistence.StoreException;

/**
 * The ledger shared by the event writers: records each applied event id ({@code processed_event}) and its line of
 * the event log in the same transaction as the event's effect, so that a redelivered event changes nothing, and
 * recomputes the report's status and version group afterwards. The caller provides the transaction.
 */
@ApplicationScoped
public class EventLedger {

    private final DataSource dataSource;

    public EventLedger(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The effect of one event, written on the ledger's connection; returns what the event log says about it. */
    @FunctionalInterface
    public interface Work {
        Entry write(Connection c) throws SQLException;
    }

    /**
     * The event log line of an applied event and the events readers can now see.
     *
     * @param stage INGEST, PARSE, VALIDATE or the failed stage
     * @param durationMillis how long the stage took, where known
     */
    public record Entry(String stage, Long durationMillis, String detail, List<ReportEvent> visible) {
    }

    /**
     * Applies an event once: locks the report (creating its row on first sight), records the event id, and runs the
     * work only if the id was new; then logs the event and refreshes the report's status and version group.
     */
    public WriteOutcome apply(ReportEvent event, Work work) {
        String type = event.getClass().getSimpleName();
        try (Connection c = dataSource.getConnection()) {
            lockReport(c, event.reportId());
            if (!recordEventId(c, event, type)) {
                return WriteOutcome.duplicate();
            }
            Entry entry = work.write(c);
            log(c, event, type, entry);
            refreshStatus(c, event.reportId());
            refreshVersions(c, event.reportId());
            return new WriteOutcome(true, entry.visible());
        } catch (SQLException e) {
            throw new StoreException("cannot store " + type + " " + event.eventId() + " of report " + event.reportId(),
                    e);
        }
    }

    private static boolean recordEventId(Connection c, ReportEvent event, String type) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into processed_event (event_id, report_id, event_type) values (?, ?, ?)
                on conflict (event_id) do nothing""")) {
            ps.setObject(1, event.eventId());
            ps.setString(2, event.reportId());
            ps.setString(3, type);
            return ps.executeUpdate() > 0;
        }
    }

    /** Creates the report row if this is the first event seen for it, then locks it for this transaction. */
    private static void lockReport(Connection c, String reportId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "insert into report (report_id) values (?) on conflict (report_id) do nothing")) {
            ps.setString(1, reportId);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("select 1 from report where report_id = ? for update")) {
            ps.setString(1, reportId);
            ps.executeQuery().close();
        }
    }

    private static void log(Connection c, ReportEvent event, String type, Entry entry) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into event_log (report_id, event_id, stage, event_type, occurred_at, duration_ms, detail)
                values (?, ?, ?, ?, ?, ?, ?)""")) {
            ps.setString(1, event.reportId());
            ps.setObject(2, event.eventId());
            ps.setString(3, entry.stage());
            ps.setString(4, type);
            ps.setTimestamp(5, timestamp(event.occurredAt()));
            setLong(ps, 6, entry.durationMillis());
            ps.setString(7, entry.detail());
            ps.executeUpdate();
        }
    }

    /**
     * Sets the status from the newest of the current parse run, the current validation run and the latest failure;
     * a report with none of them is RECEIVED.
     */
    private static void refreshStatus(Connection c, String reportId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select (select occurred_at from processing_run where id = r.current_parse_run_id),
                       (select occurred_at from processing_run where id = r.current_validation_run_id),
                       (select max(occurred_at) from failure f where f.report_id = r.report_id),
                       (select max(occurred_at) from submission s where s.report_id = r.report_id)
                from report r where r.report_id = ?""")) {
            ps.setString(1, reportId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Timestamp parsed = rs.getTimestamp(1);
                Timestamp validated = rs.getTimestamp(2);
                Timestamp failed = rs.getTimestamp(3);
                Timestamp submitted = rs.getTimestamp(4);
                ReportStatus status = ReportStatus.RECEIVED;
                Timestamp at = submitted;
                if (parsed != null) {
                    status = ReportStatus.PARSED;
                    at = parsed;
                }
                if (failed != null && (at == null || !failed.before(at))) {
                    status = ReportStatus.FAILED;
                    at = failed;
                }
                if (validated != null && (at == null || !validated.before(at))) {
                    status = ReportStatus.VALIDATED;
                    at = validated;
                }
                try (PreparedStatement update = c.prepareStatement(
                        "update report set status = ?, status_at = ?, updated_at = now() where report_id = ?")) {
                    update.setString(1, status.name());
                    update.setTimestamp(2, at);
                    update.setString(3, reportId);
                    update.executeUpdate();
                }
            }
        }
    }

    /**
     * Puts the report in the version group of its agency and year (read from the report, else as declared). Only
     * the report's own row is written: which version is current is computed when read.
     */
    private static void refreshVersions(Connection c, String reportId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                update report set version_agency = coalesce(agency, declared_agency),
                    version_year = coalesce(report_year, declared_year)
                where report_id = ?""")) {
            ps.setString(1, reportId);
            ps.executeUpdate();
        }
    }

    /** Whether the event is newer than the run the report currently points to in that column. */
    static boolean isNewest(Connection c, ReportEvent event, String currentColumn) throws SQLException {
        return isNewest(c, event.reportId(), timestamp(event.occurredAt()).toInstant(), event.eventId(),
                currentColumn);
    }

    /** Whether a run that occurred then with this event id is newer than the report's current run in that column. */
    static boolean isNewest(Connection c, String reportId, Instant occurredAt, UUID eventId, String currentColumn)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select pr.occurred_at, pr.event_id from report r join processing_run pr on pr.id = r."
                        + currentColumn + " where r.report_id = ?")) {
            ps.setString(1, reportId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return true;
                }
                int order = occurredAt.compareTo(rs.getTimestamp(1).toInstant());
                // Same instant: break the tie by event id so that every replica picks the same run.
                return order > 0 || order == 0 && eventId.toString().compareTo(rs.getString(2)) > 0;
            }
        }
    }
}

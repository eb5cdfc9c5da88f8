package io.annualreport.store.persistence.write;

import static io.annualreport.store.persistence.write.Jdbc.json;
import static io.annualreport.store.persistence.write.Jdbc.name;
import static io.annualreport.store.persistence.write.Jdbc.returnedId;
import static io.annualreport.store.persistence.write.Jdbc.setInteger;
import static io.annualreport.store.persistence.write.Jdbc.timestamp;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.annualreport.model.event.ReportValidatedEvent;
import io.annualreport.model.validation.Finding;
import io.annualreport.model.validation.SeverityCounts;

/** Records validation runs ({@code reports.validated}) with their verdict and findings. */
@ApplicationScoped
public class ValidatedWriter {

    private final EventLedger ledger;

    public ValidatedWriter(EventLedger ledger) {
        this.ledger = ledger;
    }

    /** Records a validation run once; it becomes the report's current validation run if it is the newest. */
    @Transactional
    public WriteOutcome apply(ReportValidatedEvent event) {
        return ledger.apply(event, c -> {
            SeverityCounts counts = event.counts() != null
                    ? event.counts()
                    : SeverityCounts.of(event.findings() != null ? event.findings() : List.of());
            long runId = insertRun(c, event, counts);
            insertFindings(c, runId, event.findings());
            if (EventLedger.isNewest(c, event, "current_validation_run_id")) {
                makeCurrent(c, event, counts, runId);
            }
            return new EventLedger.Entry("VALIDATE", validationMillis(c, event),
                    "verdict " + event.verdict() + ", rule set " + event.rulesetVersion(), List.of(event));
        });
    }

    private static long insertRun(Connection c, ReportValidatedEvent event, SeverityCounts counts)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into processing_run (report_id, stage, event_id, occurred_at, parser_version, ruleset_version,
                    parsed_event_id, verdict, errors, warnings, infos, not_assessable, not_assessable_reasons,
                    review_reasons)
                values (?, 'VALIDATE', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb) returning id""")) {
            ps.setString(1, event.reportId());
            ps.setObject(2, event.eventId());
            ps.setTimestamp(3, timestamp(event.occurredAt()));
            ps.setString(4, event.parserVersion());
            ps.setString(5, event.rulesetVersion());
            ps.setObject(6, event.parsedEventId());
            ps.setString(7, name(event.verdict()));
            ps.setInt(8, counts.errors());
            ps.setInt(9, counts.warnings());
            ps.setInt(10, counts.infos());
            ps.setString(11, json(event.notAssessable() != null ? event.notAssessable() : List.of()));
            ps.setString(12, json(event.notAssessableReasons()));
            ps.setString(13, json(event.reviewReasons()));
            return returnedId(ps);
        }
    }

    private static void makeCurrent(Connection c, ReportValidatedEvent event, SeverityCounts counts, long runId)
            throws SQLException {
        ReportValidatedEvent.IdentitySummary identity = event.identity();
        try (PreparedStatement ps = c.prepareStatement("""
                update report set current_validation_run_id = ?, verdict = ?, ruleset_version = ?,
                    errors = ?, warnings = ?, infos = ?, validated_at = ?,
                    agency = coalesce(agency, ?), report_year = coalesce(report_year, ?),
                    edition = coalesce(edition, ?)
                where report_id = ?""")) {
            ps.setLong(1, runId);
            ps.setString(2, name(event.verdict()));
            ps.setString(3, event.rulesetVersion());
            ps.setInt(4, counts.errors());
            ps.setInt(5, counts.warnings());
            ps.setInt(6, counts.infos());
            ps.setTimestamp(7, timestamp(event.occurredAt()));
            ps.setString(8, identity != null ? identity.agency() : null);
            setInteger(ps, 9, identity != null ? identity.year() : null);
            ps.setString(10, identity != null && identity.edition() != null ? identity.edition().code() : null);
            ps.setString(11, event.reportId());
            ps.executeUpdate();
        }
    }

    private static Long validationMillis(Connection c, ReportValidatedEvent event) throws SQLException {
        if (event.parsedEventId() == null) {
            return null;
        }
        try (PreparedStatement ps = c.prepareStatement("select occurred_at from processing_run where event_id = ?")) {
            ps.setObject(1, event.parsedEventId());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                long millis = Duration.between(rs.getTimestamp(1).toInstant(),
                        timestamp(event.occurredAt()).toInstant()).toMillis();
                return millis >= 0 ? millis : null;
            }
        }
    }

    private static void insertFindings(Connection c, long runId, List<Finding> findings) throws SQLException {
        if (findings == null || findings.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                insert into finding (run_id, ordinal, rule_id, rule_version, severity, message, message_en, cells,
                    section, expected, actual, evidence)
                values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)""")) {
            int ordinal = 0;
            for (Finding f : findings) {
                ps.setLong(1, runId);
                ps.setInt(2, ordinal++);
                ps.setString(3, f.ruleId() != null ? f.ruleId() : "UNKNOWN");
                ps.setString(4, f.ruleVersion());
                ps.setString(5, f.severity() != null ? f.severity().name() : "INFO");
                ps.setString(6, f.message());
                ps.setString(7, f.messageEn());
                ps.setString(8, json(f.cells() != null ? f.cells() : List.of()));
                setInteger(ps, 9, f.section());
                ps.setBigDecimal(10, f.expected());
                ps.setBigDecimal(11, f.actual());
                ps.setString(12, f.evidence());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}

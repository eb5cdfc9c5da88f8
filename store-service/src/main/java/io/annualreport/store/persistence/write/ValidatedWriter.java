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

    /**
     * Records a validation run once; it becomes the report's current validation run if it is the newest and the parse
     * run it validated is recorded, else it waits for that parse run ({@link ParsedWriter} releases it).
     */
    @Transactional
    public WriteOutcome apply(ReportValidatedEvent event) {
        return ledger.apply(event, c -> {
            SeverityCounts counts = event.counts() != null
                    ? event.counts()
                    : SeverityCounts.of(event.findings() != null ? event.findings() : List.of());
            long runId = insertRun(c, event, counts);
            insertFindings(c, runId, event.findings());
            // held until its parse run is recorded: the report never answers VALIDATED without cells
            boolean parsed = ValidationRuns.parseRecorded(c, event.reportId(), event.parsedEventId());
            boolean current = parsed && EventLedger.isNewest(c, event, "current_validation_run_id");
            if (current) {
                ValidationRuns.makeCurrent(c, runId);
            }
            String detail = "verdict " + event.verdict() + ", rule set " + event.rulesetVersion()
                    + (parsed ? "" : ", held until parse run " + event.parsedEventId() + " is stored");
            return new EventLedger.Entry("VALIDATE", validationMillis(c, event), detail,
                    current ? List.of(event) : List.of());
        });
    }

    private static long insertRun(Connection c, ReportValidatedEvent event, SeverityCounts counts)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                """
                        insert into processing_run (report_id, stage, event_id, occurred_at, parser_version, ruleset_version,
                            parsed_event_id, verdict, errors, warnings, infos, not_assessable, not_assessable_reasons,
                            review_reasons, identity)
                        values (?, 'VALIDATE', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?::jsonb) returning id""")) {
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
            ps.setString(14, json(event.identity()));
            return returnedId(ps);
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

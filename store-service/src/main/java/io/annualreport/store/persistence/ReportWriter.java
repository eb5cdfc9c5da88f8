package io.annualreport.store.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.annualreport.model.event.EventCodec;
import io.annualreport.model.event.ReportEvent;
import io.annualreport.model.event.ReportFailedEvent;
import io.annualreport.model.event.ReportParsedEvent;
import io.annualreport.model.event.ReportSubmittedEvent;
import io.annualreport.model.event.ReportValidatedEvent;
import io.annualreport.model.report.Cell;
import io.annualreport.model.report.Fact;
import io.annualreport.model.report.Identity;
import io.annualreport.model.report.ParsedReport;
import io.annualreport.model.report.Section;
import io.annualreport.model.validation.Finding;
import io.annualreport.model.validation.SeverityCounts;

/**
 * Applies pipeline events to the database, each in one transaction together with its event id, so that a
 * redelivered event changes nothing and events arriving out of order end in the state of the newest one.
 */
@ApplicationScoped
public class ReportWriter {

    @Inject
    DataSource dataSource;

    /** Records a submission; returns false when the event was applied before. */
    @Transactional
    public boolean applySubmitted(ReportSubmittedEvent event) {
        return apply(event, "ReportSubmittedEvent", c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into submission (report_id, event_id, occurred_at, sha256, file_name, media_type, size_bytes,
                        blob_uri, submitter, declared_agency, declared_year, submitted_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                ps.setString(1, event.reportId());
                ps.setObject(2, event.eventId());
                ps.setTimestamp(3, timestamp(event.occurredAt()));
                ps.setString(4, event.sha256());
                ps.setString(5, event.fileName());
                ps.setString(6, event.mediaType());
                ps.setLong(7, event.size());
                ps.setString(8, event.blobUri());
                ps.setString(9, event.submitter());
                ps.setString(10, event.declaredAgency());
                setInteger(ps, 11, event.declaredYear());
                ps.setTimestamp(12, timestamp(event.submittedAt() != null ? event.submittedAt() : event.occurredAt()));
                ps.executeUpdate();
            }
            // The newest submission describes the file; older ones only fill what is still missing.
            try (PreparedStatement ps = c.prepareStatement("""
                    update report r set
                        sha256 = coalesce(s.sha256, r.sha256), file_name = coalesce(s.file_name, r.file_name),
                        media_type = s.media_type, size_bytes = s.size_bytes, blob_uri = s.blob_uri,
                        submitter = s.submitter, declared_agency = s.declared_agency, declared_year = s.declared_year,
                        submitted_at = s.submitted_at
                    from (select * from submission where report_id = ? order by occurred_at desc, id desc limit 1) s
                    where r.report_id = s.report_id""")) {
                ps.setString(1, event.reportId());
                ps.executeUpdate();
            }
            log(c, event, "INGEST", "ReportSubmittedEvent", null, event.fileName());
        });
    }

    /** Records a parse run with its sections, cells and facts; returns false when it was applied before. */
    @Transactional
    public boolean applyParsed(ReportParsedEvent event) {
        return apply(event, "ReportParsedEvent", c -> {
            ParsedReport report = event.report();
            Identity identity = report != null ? report.identity() : null;
            long runId;
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into processing_run (report_id, stage, event_id, occurred_at, parser_version, extraction,
                        parse_warnings, identity, full_text)
                    values (?, 'PARSE', ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?) returning id""")) {
                ps.setString(1, event.reportId());
                ps.setObject(2, event.eventId());
                ps.setTimestamp(3, timestamp(event.occurredAt()));
                ps.setString(4, event.parserVersion());
                ps.setString(5, report != null && report.extraction() != null ? json(report.extraction()) : null);
                ps.setString(6, report != null && report.parseWarnings() != null ? json(report.parseWarnings()) : null);
                ps.setString(7, identity != null ? json(identity) : null);
                ps.setString(8, report != null ? report.text() : null);
                runId = returnedId(ps);
            }
            if (report != null) {
                insertSections(c, runId, report.sections());
                insertCells(c, runId, report.cells());
                insertFacts(c, runId, report.facts());
            }
            if (isNewest(c, event, "current_parse_run_id")) {
                try (PreparedStatement ps = c.prepareStatement("""
                        update report set current_parse_run_id = ?, parser_version = ?, title = ?, agency = ?,
                            region = ?, report_year = ?, edition = ?,
                            file_name = coalesce(file_name, ?), sha256 = coalesce(sha256, ?)
                        where report_id = ?""")) {
                    ps.setLong(1, runId);
                    ps.setString(2, event.parserVersion());
                    ps.setString(3, identity != null ? identity.title() : null);
                    ps.setString(4, identity != null ? identity.agency() : null);
                    ps.setString(5, identity != null ? identity.region() : null);
                    setInteger(ps, 6, identity != null ? identity.year() : null);
                    ps.setString(7, identity != null && identity.edition() != null ? identity.edition().code() : null);
                    ps.setString(8, event.fileName());
                    ps.setString(9, event.sha256());
                    ps.setString(10, event.reportId());
                    ps.executeUpdate();
                }
            }
            Long millis = report != null && report.extraction() != null ? report.extraction().millis() : null;
            log(c, event, "PARSE", "ReportParsedEvent", millis, "parser " + event.parserVersion());
        });
    }

    /** Records a validation run with its findings; returns false when it was applied before. */
    @Transactional
    public boolean applyValidated(ReportValidatedEvent event) {
        return apply(event, "ReportValidatedEvent", c -> {
            SeverityCounts counts = event.counts() != null
                    ? event.counts()
                    : SeverityCounts.of(event.findings() != null ? event.findings() : List.of());
            long runId;
            try (PreparedStatement ps = c.prepareStatement(
                    """
                            insert into processing_run (report_id, stage, event_id, occurred_at, parser_version, ruleset_version,
                                parsed_event_id, verdict, errors, warnings, infos, not_assessable)
                            values (?, 'VALIDATE', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb) returning id""")) {
                ps.setString(1, event.reportId());
                ps.setObject(2, event.eventId());
                ps.setTimestamp(3, timestamp(event.occurredAt()));
                ps.setString(4, event.parserVersion());
                ps.setString(5, event.rulesetVersion());
                ps.setObject(6, event.parsedEventId());
                ps.setString(7, event.verdict() != null ? event.verdict().name() : null);
                ps.setInt(8, counts.errors());
                ps.setInt(9, counts.warnings());
                ps.setInt(10, counts.infos());
                ps.setString(11, json(event.notAssessable() != null ? event.notAssessable() : List.of()));
                runId = returnedId(ps);
            }
            insertFindings(c, runId, event.findings());
            if (isNewest(c, event, "current_validation_run_id")) {
                ReportValidatedEvent.IdentitySummary identity = event.identity();
                try (PreparedStatement ps = c.prepareStatement("""
                        update report set current_validation_run_id = ?, verdict = ?, ruleset_version = ?,
                            errors = ?, warnings = ?, infos = ?, validated_at = ?,
                            agency = coalesce(agency, ?), report_year = coalesce(report_year, ?),
                            edition = coalesce(edition, ?)
                        where report_id = ?""")) {
                    ps.setLong(1, runId);
                    ps.setString(2, event.verdict() != null ? event.verdict().name() : null);
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
            log(c, event, "VALIDATE", "ReportValidatedEvent", validationMillis(c, event),
                    "verdict " + event.verdict() + ", rule set " + event.rulesetVersion());
        });
    }

    /** Records a failure; returns false when it was applied before. */
    @Transactional
    public boolean applyFailed(ReportFailedEvent event) {
        return apply(event, "ReportFailedEvent", c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into failure (report_id, event_id, occurred_at, stage, reason, message, attempt)
                    values (?, ?, ?, ?, ?, ?, ?)""")) {
                ps.setString(1, event.reportId());
                ps.setObject(2, event.eventId());
                ps.setTimestamp(3, timestamp(event.occurredAt()));
                ps.setString(4, event.stage() != null ? event.stage().name() : null);
                ps.setString(5, event.reason() != null ? event.reason().name() : null);
                ps.setString(6, event.message());
                ps.setInt(7, event.attempt());
                ps.executeUpdate();
            }
            String stage = event.stage() != null ? event.stage().name() : "UNKNOWN";
            log(c, event, stage, "ReportFailedEvent", null, event.reason() + ": " + event.message());
        });
    }

    private boolean apply(ReportEvent event, String type, SqlWork work) {
        try (Connection c = dataSource.getConnection()) {
            lockReport(c, event.reportId());
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into processed_event (event_id, report_id, event_type) values (?, ?, ?)
                    on conflict (event_id) do nothing""")) {
                ps.setObject(1, event.eventId());
                ps.setString(2, event.reportId());
                ps.setString(3, type);
                if (ps.executeUpdate() == 0) {
                    return false;
                }
            }
            work.run(c);
            refreshStatus(c, event.reportId());
            refreshVersions(c, event.reportId());
            return true;
        } catch (SQLException e) {
            throw new StoreException("cannot store " + type + " " + event.eventId() + " of report " + event.reportId(),
                    e);
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

    /** Whether the event is newer than the run the report currently points to in that column. */
    private static boolean isNewest(Connection c, ReportEvent event, String currentColumn) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select pr.occurred_at, pr.event_id from report r join processing_run pr on pr.id = r."
                        + currentColumn + " where r.report_id = ?")) {
            ps.setString(1, event.reportId());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return true;
                }
                Instant current = rs.getTimestamp(1).toInstant();
                int order = timestamp(event.occurredAt()).toInstant().compareTo(current);
                // Same instant: break the tie by event id so that every replica picks the same run.
                return order > 0 || order == 0 && event.eventId().toString().compareTo(rs.getString(2)) > 0;
            }
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
                long millis = Duration
                        .between(rs.getTimestamp(1).toInstant(), timestamp(event.occurredAt()).toInstant()).toMillis();
                return millis >= 0 ? millis : null;
            }
        }
    }

    private static void log(Connection c, ReportEvent event, String stage, String type, Long durationMillis,
            String detail) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into event_log (report_id, event_id, stage, event_type, occurred_at, duration_ms, detail)
                values (?, ?, ?, ?, ?, ?, ?)""")) {
            ps.setString(1, event.reportId());
            ps.setObject(2, event.eventId());
            ps.setString(3, stage);
            ps.setString(4, type);
            ps.setTimestamp(5, timestamp(event.occurredAt()));
            if (durationMillis != null) {
                ps.setLong(6, durationMillis);
            } else {
                ps.setNull(6, Types.BIGINT);
            }
            ps.setString(7, detail);
            ps.executeUpdate();
        }
    }

    private static void insertSections(Connection c, long runId, List<Section> sections) throws SQLException {
        if (sections == null || sections.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                insert into section (run_id, number, heading, body, span_start, span_end) values (?, ?, ?, ?, ?, ?)
                on conflict (run_id, number) do nothing""")) {
            for (Section s : sections) {
                ps.setLong(1, runId);
                ps.setInt(2, s.number());
                ps.setString(3, s.heading());
                ps.setString(4, s.text());
                ps.setInt(5, s.start());
                ps.setInt(6, s.end());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void insertCells(Connection c, long runId, Map<String, Cell> cells) throws SQLException {
        if (cells == null || cells.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                insert into cell (run_id, ordinal, cell_key, value, raw, semantic, page, line, source)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            int ordinal = 0;
            for (Map.Entry<String, Cell> entry : cells.entrySet()) {
                Cell cell = entry.getValue();
                if (cell == null) {
                    continue;
                }
                ps.setLong(1, runId);
                ps.setInt(2, ordinal++);
                ps.setString(3, entry.getKey());
                ps.setBigDecimal(4, cell.value());
                ps.setString(5, cell.raw());
                ps.setString(6, cell.semantic() != null ? cell.semantic().name() : null);
                setInteger(ps, 7, cell.page());
                setInteger(ps, 8, cell.line());
                ps.setString(9, cell.source());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void insertFacts(Connection c, long runId, List<Fact> facts) throws SQLException {
        if (facts == null || facts.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                insert into fact (run_id, ordinal, name, value, section, body) values (?, ?, ?, ?, ?, ?::jsonb)""")) {
            int ordinal = 0;
            for (Fact fact : facts) {
                ps.setLong(1, runId);
                ps.setInt(2, ordinal++);
                ps.setString(3, fact.name());
                ps.setBigDecimal(4, fact.value());
                setInteger(ps, 5, fact.section());
                ps.setString(6, json(fact));
                ps.addBatch();
            }
            ps.executeBatch();
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

    private static long returnedId(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.from(instant != null ? instant : Instant.now());
    }

    private static void setInteger(PreparedStatement ps, int index, Integer value) throws SQLException {
        if (value != null) {
            ps.setInt(index, value);
        } else {
            ps.setNull(index, Types.INTEGER);
        }
    }

    private static String json(Object value) {
        return EventCodec.encode(value);
    }

    @FunctionalInterface
    private interface SqlWork {
        void run(Connection c) throws SQLException;
    }
}

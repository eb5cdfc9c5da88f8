package io.annualreport.store.persistence.write;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;

import io.annualreport.model.event.EventCodec;
import io.annualreport.model.event.ReportValidatedEvent;
import io.annualreport.model.validation.SeverityCounts;
import io.annualreport.model.validation.Verdict;

/**
 * Which validation run a report shows. A validation run becomes current only once the parse run it validated is
 * recorded, so that the report never answers VALIDATED without its cells: a validation that arrives first (another
 * partition, a store restart) is stored and held, and the parse run releases it.
 */
final class ValidationRuns {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, String>> REASONS = new TypeReference<>() {
    };

    private ValidationRuns() {
    }

    /** Whether the parse run the validation refers to is recorded (any parse run, for events that name none). */
    static boolean parseRecorded(Connection c, String reportId, UUID parsedEventId) throws SQLException {
        String sql = parsedEventId == null
                ? "select 1 from processing_run where report_id = ? and stage = 'PARSE' limit 1"
                : "select 1 from processing_run where report_id = ? and stage = 'PARSE' and event_id = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, reportId);
            if (parsedEventId != null) {
                ps.setObject(2, parsedEventId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * Makes the stored validation run the report's current one: verdict, rule set, counts, and the identity the
     * validator saw where the parse run left it empty.
     */
    static void makeCurrent(Connection c, long runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                update report r set current_validation_run_id = v.id, verdict = v.verdict,
                    ruleset_version = v.ruleset_version, errors = v.errors, warnings = v.warnings, infos = v.infos,
                    validated_at = v.occurred_at,
                    agency = coalesce(r.agency, v.identity->>'agency'),
                    report_year = coalesce(r.report_year, (v.identity->>'year')::integer),
                    edition = coalesce(r.edition, v.identity->>'edition')
                from processing_run v where v.id = ? and r.report_id = v.report_id""")) {
            ps.setLong(1, runId);
            ps.executeUpdate();
        }
    }

    /**
     * After a parse run was recorded: the newest validation run that waited for it, made current if it is newer than
     * the current one; returns it as an event for live listeners (without its findings).
     */
    static Optional<ReportValidatedEvent> release(Connection c, String reportId, UUID parsedEventId)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select v.id, v.event_id, v.occurred_at, v.parsed_event_id, v.parser_version, v.ruleset_version,
                       v.verdict, v.errors, v.warnings, v.infos, v.not_assessable, v.identity,
                       v.not_assessable_reasons, v.review_reasons
                from processing_run v
                where v.report_id = ? and v.stage = 'VALIDATE' and (v.parsed_event_id = ? or v.parsed_event_id is null)
                  and v.id is distinct from (select current_validation_run_id from report where report_id = ?)
                order by v.occurred_at desc, v.event_id desc limit 1""")) {
            ps.setString(1, reportId);
            ps.setObject(2, parsedEventId);
            ps.setString(3, reportId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                UUID eventId = rs.getObject(2, UUID.class);
                if (!EventLedger.isNewest(c, reportId, rs.getTimestamp(3).toInstant(), eventId,
                        "current_validation_run_id")) {
                    return Optional.empty();
                }
                long runId = rs.getLong(1);
                ReportValidatedEvent released = new ReportValidatedEvent(eventId, reportId,
                        rs.getTimestamp(3).toInstant(), ReportValidatedEvent.SCHEMA_VERSION,
                        rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6),
                        rs.getString(7) != null ? Verdict.valueOf(rs.getString(7)) : null,
                        new SeverityCounts(rs.getInt(8), rs.getInt(9), rs.getInt(10)), List.of(),
                        read(rs.getString(11), STRINGS, List.of()),
                        rs.getString(12) != null
                                ? EventCodec.decode(rs.getString(12), ReportValidatedEvent.IdentitySummary.class)
                                : null,
                        read(rs.getString(13), REASONS, Map.of()), read(rs.getString(14), STRINGS, List.of()));
                rs.close();
                makeCurrent(c, runId);
                return Optional.of(released);
            }
        }
    }

    private static <T> T read(String json, TypeReference<T> type, T absent) {
        if (json == null) {
            return absent;
        }
        try {
            return EventCodec.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is not a " + type.getType() + ": " + json, e);
        }
    }
}

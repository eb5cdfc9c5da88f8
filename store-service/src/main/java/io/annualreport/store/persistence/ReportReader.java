package io.annualreport.store.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;

import io.annualreport.model.event.EventCodec;
import io.annualreport.model.report.Certainty;
import io.annualreport.model.report.ReadingReport;

/** Reads the detail of one report: its row, the current parse run's content and the current validation run. */
@ApplicationScoped
public class ReportReader {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, String>> REASONS = new TypeReference<>() {
    };
    private static final TypeReference<ReadingReport> READING = new TypeReference<>() {
    };

    private final DataSource dataSource;

    public ReportReader(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The report's detail, or empty when the store has never seen the id. */
    public Optional<ReportDetail> detail(String reportId) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("""
                    select report_id, file_name, sha256, status, title, agency, report_year, edition, region,
                           current_parse_run_id, current_validation_run_id, verdict, ruleset_version,
                           errors, warnings, infos, validated_at, submitted_at, status_at, parser_version,
                           """ + ReportFilter.CURRENT_VERSION + """
                     as current_version
                    from report r where report_id = ?""")) {
                ps.setString(1, reportId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    Long parseRun = (Long) rs.getObject("current_parse_run_id");
                    Long validationRun = (Long) rs.getObject("current_validation_run_id");
                    String status = rs.getString("status");
                    ReportDetail.Identity identity = new ReportDetail.Identity(rs.getString("title"),
                            rs.getString("agency"), (Integer) rs.getObject("report_year"), rs.getString("edition"),
                            rs.getString("region"));
                    ReportDetail.Validation validation = validationRun == null
                            ? null
                            : validation(c, validationRun, rs);
                    return Optional.of(new ReportDetail(rs.getString("report_id"), rs.getString("file_name"),
                            rs.getString("sha256"), status, identity,
                            parseRun == null ? List.of() : sections(c, parseRun),
                            corrected(c, reportId, parseRun == null ? Map.of() : cells(c, parseRun)),
                            parseRun == null ? List.of() : facts(c, parseRun),
                            parseRun == null ? null : reading(c, parseRun),
                            validation,
                            ReportStatus.FAILED.name().equals(status) ? latestFailure(c, reportId) : null,
                            instant(rs.getTimestamp("submitted_at")), instant(rs.getTimestamp("status_at")),
                            rs.getString("parser_version"), rs.getBoolean("current_version")));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read report " + reportId, e);
        }
    }

    private static List<ReportDetail.SectionView> sections(Connection c, long runId) throws SQLException {
        List<ReportDetail.SectionView> sections = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select number, heading, body from section where run_id = ? order by number")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sections.add(new ReportDetail.SectionView(rs.getInt(1), rs.getString(2), rs.getString(3)));
                }
            }
        }
        return sections;
    }

    private static Map<String, ReportDetail.CellView> cells(Connection c, long runId) throws SQLException {
        Map<String, ReportDetail.CellView> cells = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select cell_key, value, raw, semantic, page, line, source, certainty, doubt from cell where run_id = ?"
                        + " order by ordinal")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String certainty = rs.getString(8);
                    cells.put(rs.getString(1), new ReportDetail.CellView(rs.getBigDecimal(2), rs.getString(3),
                            rs.getString(4), (Integer) rs.getObject(5), (Integer) rs.getObject(6), rs.getString(7),
                            certainty != null ? certainty : Certainty.CERTAIN.name(), rs.getString(9)));
                }
            }
        }
        return cells;
    }

    /** The cells with the reviewers' current corrections laid over them (a corrected unread cell is added). */
    private static Map<String, ReportDetail.CellView> corrected(Connection c, String reportId,
            Map<String, ReportDetail.CellView> cells) throws SQLException {
        Map<String, ReportDetail.CellView> out = null;
        try (PreparedStatement ps = c.prepareStatement("""
                select cell_key, value, raw, corrected_by, corrected_at, note,
                       count(*) over (partition by cell_key) as versions,
                       row_number() over (partition by cell_key order by id desc) as latest
                from cell_correction where report_id = ?""")) {
            ps.setString(1, reportId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getInt(8) != 1) {
                        continue;
                    }
                    if (out == null) {
                        out = new LinkedHashMap<>(cells);
                    }
                    String key = rs.getString(1);
                    ReportDetail.CorrectionView correction = new ReportDetail.CorrectionView(rs.getBigDecimal(2),
                            rs.getString(3), rs.getString(4), instant(rs.getTimestamp(5)), rs.getString(6),
                            rs.getInt(7));
                    ReportDetail.CellView machine = out.get(key);
                    out.put(key, machine != null
                            ? machine.corrected(correction)
                            : new ReportDetail.CellView(null, null, null, null, null, null, null, null, correction));
                }
            }
        }
        return out == null ? cells : out;
    }

    private static List<JsonNode> facts(Connection c, long runId) throws SQLException {
        List<JsonNode> facts = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select body from fact where run_id = ? order by ordinal")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    facts.add(readTree(rs.getString(1)));
                }
            }
        }
        return facts;
    }

    private static List<ReportDetail.FindingView> findings(Connection c, long runId) throws SQLException {
        List<ReportDetail.FindingView> findings = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select rule_id, rule_version, severity, message, message_en, cells, section, expected, actual, evidence
                from finding where run_id = ? order by ordinal""")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    findings.add(new ReportDetail.FindingView(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), strings(rs.getString(6)), (Integer) rs.getObject(7),
                            rs.getBigDecimal(8), rs.getBigDecimal(9), rs.getString(10)));
                }
            }
        }
        return findings;
    }

    private static ReportDetail.Validation validation(Connection c, long runId, ResultSet report)
            throws SQLException {
        List<String> notAssessable = List.of();
        Map<String, String> reasons = Map.of();
        List<String> reviewReasons = List.of();
        try (PreparedStatement ps = c.prepareStatement(
                "select not_assessable, not_assessable_reasons, review_reasons from processing_run where id = ?")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    notAssessable = strings(rs.getString(1));
                    reasons = read(rs.getString(2), REASONS, Map.of());
                    reviewReasons = strings(rs.getString(3));
                }
            }
        }
        return new ReportDetail.Validation(report.getString("verdict"), report.getString("ruleset_version"),
                report.getInt("errors"), report.getInt("warnings"), report.getInt("infos"),
                instant(report.getTimestamp("validated_at")), findings(c, runId), notAssessable, reasons,
                reviewReasons);
    }

    private static ReadingReport reading(Connection c, long runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select reading from processing_run where id = ?")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? read(rs.getString(1), READING, null) : null;
            }
        }
    }

    private static ReportDetail.Failure latestFailure(Connection c, String reportId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select stage, reason, message, attempt, occurred_at from failure where report_id = ?
                order by occurred_at desc, id desc limit 1""")) {
            ps.setString(1, reportId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? new ReportDetail.Failure(rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getInt(4), instant(rs.getTimestamp(5)))
                        : null;
            }
        }
    }

    static List<String> strings(String json) {
        return read(json, STRINGS, List.of());
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

    static JsonNode readTree(String json) {
        try {
            return EventCodec.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON cannot be read", e);
        }
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp != null ? timestamp.toInstant() : null;
    }
}

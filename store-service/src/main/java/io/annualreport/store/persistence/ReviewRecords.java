package io.annualreport.store.persistence;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.annualreport.model.review.FindingDecision;
import io.annualreport.model.review.ReviewState;

/**
 * Reads and appends the reviewer's records of a report: cell corrections, decisions on findings and review state
 * changes. Nothing is updated in place; the latest row is the current value.
 */
@ApplicationScoped
public class ReviewRecords {

    private final DataSource dataSource;

    public ReviewRecords(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * One correction of a cell.
     *
     * @param machineValue the value the parser read in the run that was corrected (null when it read none)
     */
    public record Correction(long id, String cellKey, BigDecimal value, String raw, BigDecimal machineValue,
            String machineRaw, String note, String by, Instant at) {
    }

    /** One decision or note on a finding, named by its {@code findingKey} (rule id and cells). */
    public record Decision(long id, String findingKey, String ruleId, FindingDecision decision, String reason,
            String by, Instant at) {
    }

    /** One change of the review state. */
    public record StateChange(long id, ReviewState state, String note, String by, Instant at) {
    }

    /** Appends a correction; the machine value is taken from the report's current parse run. */
    public Correction addCorrection(String reportId, String cellKey, BigDecimal value, String raw, String note,
            String by) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        insert into cell_correction (report_id, cell_key, value, raw, machine_value, machine_raw,
                                                     parse_run_id, note, corrected_by)
                        select r.report_id, ?, ?, ?, cl.value, cl.raw, r.current_parse_run_id, ?, ?
                        from report r left join cell cl on cl.run_id = r.current_parse_run_id and cl.cell_key = ?
                        where r.report_id = ?
                        returning id, machine_value, machine_raw, corrected_at""")) {
            ps.setString(1, cellKey);
            ps.setBigDecimal(2, value);
            ps.setString(3, raw);
            ps.setString(4, note);
            ps.setString(5, by);
            ps.setString(6, cellKey);
            ps.setString(7, reportId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new StoreException("no report " + reportId, null);
                }
                return new Correction(rs.getLong(1), cellKey, value, raw, rs.getBigDecimal(2), rs.getString(3), note,
                        by, rs.getTimestamp(4).toInstant());
            }
        } catch (SQLException e) {
            throw new StoreException("cannot store a correction of " + reportId, e);
        }
    }

    /** Every correction of the report, oldest first: the history. */
    public List<Correction> corrections(String reportId) {
        List<Correction> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        select id, cell_key, value, raw, machine_value, machine_raw, note, corrected_by, corrected_at
                        from cell_correction where report_id = ? order by id""")) {
            ps.setString(1, reportId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Correction(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3), rs.getString(4),
                            rs.getBigDecimal(5), rs.getString(6), rs.getString(7), rs.getString(8),
                            rs.getTimestamp(9).toInstant()));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the corrections of " + reportId, e);
        }
        return out;
    }

    /** The current correction of each corrected cell, by cell key. */
    public Map<String, Correction> currentCorrections(String reportId) {
        Map<String, Correction> current = new LinkedHashMap<>();
        for (Correction correction : corrections(reportId)) {
            current.put(correction.cellKey(), correction);
        }
        return current;
    }

    /** Appends a decision or note on a finding. */
    public Decision addDecision(String reportId, String findingKey, String ruleId, FindingDecision decision,
            String reason, String by) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        insert into finding_decision (report_id, finding_key, rule_id, decision, reason, decided_by)
                        values (?, ?, ?, ?, ?, ?) returning id, decided_at""")) {
            ps.setString(1, reportId);
            ps.setString(2, findingKey);
            ps.setString(3, ruleId);
            ps.setString(4, decision.name());
            ps.setString(5, reason);
            ps.setString(6, by);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Decision(rs.getLong(1), findingKey, ruleId, decision, reason, by,
                        rs.getTimestamp(2).toInstant());
            }
        } catch (SQLException e) {
            throw new StoreException("cannot store a decision on " + reportId, e);
        }
    }

    /** Every decision and note on the report's findings, oldest first. */
    public List<Decision> decisions(String reportId) {
        List<Decision> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        select id, finding_key, rule_id, decision, reason, decided_by, decided_at
                        from finding_decision where report_id = ? order by id""")) {
            ps.setString(1, reportId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Decision(rs.getLong(1), rs.getString(2), rs.getString(3),
                            FindingDecision.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6),
                            rs.getTimestamp(7).toInstant()));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the decisions of " + reportId, e);
        }
        return out;
    }

    /** Appends a review state change. */
    public StateChange changeState(String reportId, ReviewState state, String note, String by) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        insert into review_state_change (report_id, state, note, changed_by) values (?, ?, ?, ?)
                        returning id, changed_at""")) {
            ps.setString(1, reportId);
            ps.setString(2, state.name());
            if (note == null) {
                ps.setNull(3, Types.VARCHAR);
            } else {
                ps.setString(3, note);
            }
            ps.setString(4, by);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new StateChange(rs.getLong(1), state, note, by, rs.getTimestamp(2).toInstant());
            }
        } catch (SQLException e) {
            throw new StoreException("cannot store the review state of " + reportId, e);
        }
    }

    /** Every review state change of the report, oldest first. */
    public List<StateChange> stateHistory(String reportId) {
        List<StateChange> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        select id, state, note, changed_by, changed_at from review_state_change
                        where report_id = ? order by id""")) {
            ps.setString(1, reportId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StateChange(rs.getLong(1), ReviewState.valueOf(rs.getString(2)), rs.getString(3),
                            rs.getString(4), rs.getTimestamp(5).toInstant()));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the review state of " + reportId, e);
        }
        return out;
    }

    /** The current review state: the latest change, or {@link ReviewState#PENDING}. */
    public ReviewState state(String reportId) {
        List<StateChange> history = stateHistory(reportId);
        return history.isEmpty() ? ReviewState.PENDING : history.get(history.size() - 1).state();
    }

    /** The original file's location and media type, for page images. */
    public Optional<String[]> blob(String reportId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "select blob_uri, media_type from report where report_id = ?")) {
            ps.setString(1, reportId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getString(1) != null
                        ? Optional.of(new String[]{rs.getString(1), rs.getString(2)})
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read report " + reportId, e);
        }
    }
}

package io.annualreport.store.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.type.TypeReference;

import io.annualreport.model.event.EventCodec;
import io.annualreport.model.history.CrossYearContext;
import io.annualreport.model.history.PeerNarrative;
import io.annualreport.model.history.PreviousYearSnapshot;
import io.annualreport.model.report.Cell;
import io.annualreport.model.report.CellSemantic;
import io.annualreport.model.report.Certainty;
import io.annualreport.model.report.Doubt;
import io.annualreport.model.report.Fact;
import io.annualreport.model.report.Identity;
import io.annualreport.model.report.ParseWarning;
import io.annualreport.model.report.Section;
import io.annualreport.model.validation.Verdict;
import io.annualreport.store.agency.AgencyMatch;

/**
 * What validate-service asks before the cross-document rules: the canonical agency's current report of the previous
 * year as a {@link PreviousYearSnapshot}, and other agencies' narratives of the same year and city-level region.
 */
@ApplicationScoped
public class CrossYearQueries {

    /** At most this many peer narratives are served for Y-04. */
    public static final int MAX_PEERS = 30;

    private final DataSource dataSource;
    private final AgencyStore agencies;

    public CrossYearQueries(DataSource dataSource, AgencyStore agencies) {
        this.dataSource = dataSource;
        this.agencies = agencies;
    }

    /**
     * The context of a report naming {@code printed} (and {@code full}, its unabbreviated form) for {@code year}.
     *
     * @param excludeReportId the report being validated, never its own history or peer
     */
    public CrossYearContext context(String printed, String full, int year, String excludeReportId) {
        Optional<AgencyMatch> match = agencies.resolve(printed, full);
        if (match.isEmpty()) {
            return CrossYearContext.unknown();
        }
        long agencyId = match.get().agencyId();
        try (Connection c = dataSource.getConnection()) {
            PreviousYearSnapshot previous = snapshot(c, agencyId, year - 1, excludeReportId).orElse(null);
            List<PeerNarrative> peers = match.get().regionCode() == null
                    ? List.of()
                    : peers(c, agencyId, match.get().regionCode(), year, excludeReportId);
            return new CrossYearContext(CrossYearContext.SCHEMA_VERSION, agencyId, match.get().basis().name(),
                    previous, peers);
        } catch (SQLException e) {
            throw new StoreException("cannot read the history of agency " + agencyId, e);
        }
    }

    /** The agency's current report of a year (the newest submission with a parse run), as a snapshot. */
    public Optional<PreviousYearSnapshot> snapshot(long agencyId, int year) {
        try (Connection c = dataSource.getConnection()) {
            return snapshot(c, agencyId, year, "");
        } catch (SQLException e) {
            throw new StoreException("cannot read agency " + agencyId + " " + year, e);
        }
    }

    private Optional<PreviousYearSnapshot> snapshot(Connection c, long agencyId, int year, String excludeReportId)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select r.report_id, r.current_parse_run_id, r.verdict, a.name, p.identity::text, p.parse_warnings::text
                from report r join agency a on a.agency_id = r.agency_id
                join processing_run p on p.id = r.current_parse_run_id
                where r.agency_id = ? and r.report_year = ? and r.report_id <> ?
                order by coalesce(r.submitted_at, r.created_at) desc, r.report_id desc limit 1""")) {
            ps.setLong(1, agencyId);
            ps.setInt(2, year);
            ps.setString(3, excludeReportId == null ? "" : excludeReportId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long run = rs.getLong(2);
                String verdict = rs.getString(3);
                return Optional.of(new PreviousYearSnapshot(agencyId, rs.getString(4), year, rs.getString(1),
                        read(rs.getString(5), new TypeReference<Identity>() {
                        }), cells(c, run), facts(c, run), sections(c, run, false),
                        read(rs.getString(6), new TypeReference<List<ParseWarning>>() {
                        }), verdict == null ? null : Verdict.valueOf(verdict)));
            }
        }
    }

    private List<PeerNarrative> peers(Connection c, long agencyId, String regionCode, int year,
            String excludeReportId) throws SQLException {
        String city = regionCode.substring(0, 4);
        List<PeerNarrative> peers = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select distinct on (r.agency_id) r.agency_id, a.name, r.report_id, r.current_parse_run_id
                from report r join agency a on a.agency_id = r.agency_id
                where r.region_code like ? and r.agency_id <> ? and r.report_year = ? and r.report_id <> ?
                  and r.current_parse_run_id is not null
                order by r.agency_id, coalesce(r.submitted_at, r.created_at) desc limit ?""")) {
            ps.setString(1, city + "%");
            ps.setLong(2, agencyId);
            ps.setInt(3, year);
            ps.setString(4, excludeReportId == null ? "" : excludeReportId);
            ps.setInt(5, MAX_PEERS);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    peers.add(new PeerNarrative(rs.getLong(1), rs.getString(2), rs.getString(3), year,
                            sections(c, rs.getLong(4), true)));
                }
            }
        }
        return peers;
    }

    static Map<String, Cell> cells(Connection c, long runId) throws SQLException {
        Map<String, Cell> cells = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select cell_key, value, raw, semantic, page, line, source, certainty, doubt from cell
                where run_id = ? order by ordinal""")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String semantic = rs.getString(4);
                    String certainty = rs.getString(8);
                    String doubt = rs.getString(9);
                    cells.put(rs.getString(1), new Cell(rs.getBigDecimal(2), rs.getString(3),
                            semantic == null ? CellSemantic.EMPTY : CellSemantic.valueOf(semantic),
                            (Integer) rs.getObject(5), (Integer) rs.getObject(6), rs.getString(7),
                            certainty == null ? null : Certainty.valueOf(certainty),
                            doubt == null ? null : Doubt.valueOf(doubt)));
                }
            }
        }
        return cells;
    }

    private static List<Fact> facts(Connection c, long runId) throws SQLException {
        List<Fact> facts = new ArrayList<>();
        try (PreparedStatement ps = c
                .prepareStatement("select body::text from fact where run_id = ? order by ordinal")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    facts.add(read(rs.getString(1), new TypeReference<Fact>() {
                    }));
                }
            }
        }
        return facts;
    }

    static List<Section> sections(Connection c, long runId, boolean narrativeOnly) throws SQLException {
        List<Section> sections = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select number, heading, body, span_start, span_end from section where run_id = ?
                """ + (narrativeOnly ? " and number in (1, 5, 6)" : "") + " order by number")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sections.add(new Section(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                            rs.getInt(5)));
                }
            }
        }
        return sections;
    }

    private static <T> T read(String json, TypeReference<T> type) {
        if (json == null) {
            return null;
        }
        try {
            return EventCodec.mapper().readValue(json, type);
        } catch (Exception e) {
            throw new StoreException("stored JSON does not read as " + type.getType(), e);
        }
    }
}

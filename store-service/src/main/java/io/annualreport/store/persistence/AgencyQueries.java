package io.annualreport.store.persistence;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

/** The read side of the agency registry: agencies, their years, and the supervisors' rankings and heatmap. */
@ApplicationScoped
public class AgencyQueries {

    private final DataSource dataSource;

    public AgencyQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** One agency in a list, with how many of its current reports have errors. */
    public record AgencySummary(long agencyId, String name, String kind, String regionCode, int reports, int years,
            int failed, double errorShare) {
    }

    /** One report of an agency. */
    public record AgencyReport(String reportId, Integer year, String agency, String verdict, String status,
            Integer errors, Integer warnings, String matchBasis, Double matchConfidence, boolean currentVersion,
            Instant submittedAt) {
    }

    /** One recorded merge, split or alias change. */
    public record AuditEntry(Instant at, String actor, String action, long agencyId, Long otherId, JsonNode detail) {
    }

    /** An agency with its names, reports (newest year first) and audit. */
    public record AgencyDetail(long agencyId, String name, String kind, String regionCode, Integer regionLevel,
            Long mergedInto, List<String> aliases, List<AgencyReport> reports, List<AuditEntry> audit) {
    }

    /** A cell of the region × year heatmap. */
    public record HeatCell(String regionCode, int year, String verdict, int reports) {
    }

    /** The current version of a report of an agency: no later submission of the same agency and year. */
    static final String CURRENT_OF_AGENCY = " " + """
            not exists (select 1 from report n where n.agency_id = r.agency_id and n.report_year = r.report_year
                and (coalesce(n.submitted_at, n.created_at), n.report_id)
                    > (coalesce(r.submitted_at, r.created_at), r.report_id))""" + " ";

    /**
     * Agencies (not merged away), optionally of a division's subtree, ranked by the share of their current reports
     * that failed (most first), then by name.
     */
    public List<AgencySummary> list(String regionPrefix, String nameLike, int limit) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select a.agency_id, a.name, a.kind, a.region_code,
                       count(r.report_id), count(distinct r.report_year),
                       count(r.report_id) filter (where r.verdict = 'FAIL')
                from agency a left join report r on r.agency_id = a.agency_id and """ + CURRENT_OF_AGENCY + """
                where a.merged_into is null and (cast(? as text) is null or a.region_code like ?)
                  and (cast(? as text) is null or strpos(a.name, ?) > 0)
                group by a.agency_id
                order by case when count(r.report_id) = 0 then 0
                    else count(r.report_id) filter (where r.verdict = 'FAIL')::float / count(r.report_id) end desc,
                    a.name limit ?""")) {
            ps.setString(1, regionPrefix);
            ps.setString(2, regionPrefix == null ? null : regionPrefix + "%");
            ps.setString(3, nameLike);
            ps.setString(4, nameLike);
            ps.setInt(5, limit);
            List<AgencySummary> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int reports = rs.getInt(5);
                    int failed = rs.getInt(7);
                    out.add(new AgencySummary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            reports, rs.getInt(6), failed, reports == 0 ? 0 : (double) failed / reports));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot list agencies", e);
        }
    }

    /** One agency, following merges to the survivor's id in {@code mergedInto}. */
    public Optional<AgencyDetail> detail(long agencyId) {
        try (Connection c = dataSource.getConnection()) {
            String name;
            String kind;
            String region;
            Integer level;
            Long mergedInto;
            try (PreparedStatement ps = c.prepareStatement(
                    "select name, kind, region_code, region_level, merged_into from agency where agency_id = ?")) {
                ps.setLong(1, agencyId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    name = rs.getString(1);
                    kind = rs.getString(2);
                    region = rs.getString(3);
                    level = (Integer) rs.getObject(4);
                    mergedInto = (Long) rs.getObject(5);
                }
            }
            List<String> aliases = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "select alias from agency_alias where agency_id = ? order by created_at, alias")) {
                ps.setLong(1, agencyId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        aliases.add(rs.getString(1));
                    }
                }
            }
            return Optional.of(new AgencyDetail(agencyId, name, kind, region, level, mergedInto, aliases,
                    reports(c, agencyId), audit(c, agencyId)));
        } catch (SQLException e) {
            throw new StoreException("cannot read agency " + agencyId, e);
        }
    }

    private static List<AgencyReport> reports(Connection c, long agencyId) throws SQLException {
        List<AgencyReport> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select r.report_id, r.report_year, r.agency, r.verdict, r.status, r.errors, r.warnings,
                       r.agency_match_basis, r.agency_match_confidence, """ + CURRENT_OF_AGENCY + """
                , r.submitted_at from report r where r.agency_id = ?
                order by r.report_year desc nulls last, coalesce(r.submitted_at, r.created_at) desc""")) {
            ps.setLong(1, agencyId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    BigDecimal confidence = rs.getBigDecimal(9);
                    out.add(new AgencyReport(rs.getString(1), (Integer) rs.getObject(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), (Integer) rs.getObject(6), (Integer) rs.getObject(7),
                            rs.getString(8), confidence == null ? null : confidence.doubleValue(), rs.getBoolean(10),
                            rs.getTimestamp(11) == null ? null : rs.getTimestamp(11).toInstant()));
                }
            }
        }
        return out;
    }

    private static List<AuditEntry> audit(Connection c, long agencyId) throws SQLException {
        List<AuditEntry> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select at, actor, action, agency_id, other_id, detail::text from agency_audit
                where agency_id = ? or other_id = ? order by at desc, id desc""")) {
            ps.setLong(1, agencyId);
            ps.setLong(2, agencyId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new AuditEntry(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
                            rs.getLong(4), (Long) rs.getObject(5), ReportReader.readTree(rs.getString(6))));
                }
            }
        }
        return out;
    }

    /** How a report is attached to its agency. */
    public record ReportLink(String reportId, long agencyId, String agencyName, String matchBasis,
            Double matchConfidence) {
    }

    /** The agency a report is attached to, empty when it is not (yet). */
    public Optional<ReportLink> linkOf(String reportId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select r.agency_id, a.name, r.agency_match_basis, r.agency_match_confidence
                from report r join agency a on a.agency_id = r.agency_id where r.report_id = ?""")) {
            ps.setString(1, reportId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                BigDecimal confidence = rs.getBigDecimal(4);
                return Optional.of(new ReportLink(reportId, rs.getLong(1), rs.getString(2), rs.getString(3),
                        confidence == null ? null : confidence.doubleValue()));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the agency of report " + reportId, e);
        }
    }

    /**
     * Current reports by division and year and verdict, the divisions one level below {@code regionPrefix} (the
     * provinces when it is null): what the heatmap draws.
     */
    public List<HeatCell> heatmap(String regionPrefix) {
        int length = regionPrefix == null ? 2 : regionPrefix.length() <= 2 ? 4 : 6;
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        select rpad(substring(r.region_code, 1, ?), 6, '0'), r.report_year, r.verdict, count(*)
                        from report r where r.region_code is not null and r.report_year is not null
                          and r.verdict is not null and (cast(? as text) is null or r.region_code like ?) and """
                        + CURRENT_OF_AGENCY + """
                                group by 1, 2, 3 order by 1, 2, 3""")) {
            ps.setInt(1, length);
            ps.setString(2, regionPrefix);
            ps.setString(3, regionPrefix == null ? null : regionPrefix + "%");
            List<HeatCell> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new HeatCell(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getInt(4)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot compute the region heatmap", e);
        }
    }
}

package io.annualreport.store.persistence;

import static io.annualreport.store.persistence.ReportQueries.bind;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The supervisors' overview by division: the region × year heatmap of verdicts and of the most-failed rules, and the
 * divisions ranked by the share of reports with errors, all over the reports a {@link ReportFilter} selects (current
 * versions unless it asks for every version).
 */
@ApplicationScoped
public class OverviewQueries {

    /** The most-failed rules kept per region and year. */
    public static final int RULES_PER_CELL = 3;

    private final DataSource dataSource;

    public OverviewQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Reports of one division and year with one verdict. */
    public record VerdictCell(String regionCode, int year, String verdict, int reports) {
    }

    /** How many reports of one division and year have an ERROR or WARNING finding of a rule. */
    public record RuleCell(String regionCode, int year, String ruleId, int reports) {
    }

    /** One division's reports and how many of them have errors (verdict FAIL: at least one ERROR stands). */
    public record RegionShare(String regionCode, int reports, int withErrors, double errorShare) {
    }

    /**
     * The number of leading code digits that name the divisions one level below a subtree prefix: the cities of a
     * province (4), the counties of a city (6), the county itself (6); the provinces (2) without a prefix.
     */
    public static int groupLength(String regionPrefix) {
        return regionPrefix == null ? 2 : regionPrefix.length() <= 2 ? 4 : 6;
    }

    /** Reports by division one level below {@code regionPrefix}, year and verdict. */
    public List<VerdictCell> verdicts(ReportFilter filter, String regionPrefix) {
        ReportFilter.Where where = filter.where();
        List<VerdictCell> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select rpad(substring(r.region_code, 1, ?), 6, '0'), r.report_year, r.verdict, count(*)
                from report r where r.region_code is not null and r.report_year is not null and r.verdict is not null
                and\s""" + where.sql() + " group by 1, 2, 3 order by 1, 2, 3")) {
            ps.setInt(1, groupLength(regionPrefix));
            bind(ps, where.parameters(), 2);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new VerdictCell(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getInt(4)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot compute the verdict heatmap", e);
        }
    }

    /** Per division one level below {@code regionPrefix} and year, its {@link #RULES_PER_CELL} most-failed rules. */
    public List<RuleCell> topRules(ReportFilter filter, String regionPrefix) {
        ReportFilter.Where where = filter.where();
        List<RuleCell> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                with counted as (
                    select rpad(substring(r.region_code, 1, ?), 6, '0') as code, r.report_year as year, f.rule_id,
                           count(distinct r.report_id) as reports
                    from report r join finding f on f.run_id = r.current_validation_run_id
                    where f.severity in ('ERROR', 'WARNING') and r.region_code is not null
                      and r.report_year is not null and\s""" + where.sql() + """
                    group by 1, 2, 3)
                select code, year, rule_id, reports from (
                    select counted.*, row_number() over (partition by code, year order by reports desc, rule_id) as rn
                    from counted) ranked
                where rn <= ? order by code, year, rn""")) {
            ps.setInt(1, groupLength(regionPrefix));
            int next = bind(ps, where.parameters(), 2);
            ps.setInt(next, RULES_PER_CELL);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new RuleCell(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getInt(4)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot compute the rule heatmap", e);
        }
    }

    /**
     * The divisions one level below {@code regionPrefix} ranked by the share of their reports with errors (most
     * first), then by the number of reports.
     */
    public List<RegionShare> regionRanking(ReportFilter filter, String regionPrefix) {
        ReportFilter.Where where = filter.where();
        List<RegionShare> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select rpad(substring(r.region_code, 1, ?), 6, '0'), count(*),
                       count(*) filter (where r.verdict = 'FAIL')
                from report r where r.region_code is not null and\s""" + where.sql() + " group by 1")) {
            ps.setInt(1, groupLength(regionPrefix));
            bind(ps, where.parameters(), 2);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int reports = rs.getInt(2);
                    int failed = rs.getInt(3);
                    out.add(new RegionShare(rs.getString(1), reports, failed,
                            reports == 0 ? 0 : (double) failed / reports));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot rank the divisions", e);
        }
        out.sort(Comparator.comparingDouble(RegionShare::errorShare).reversed()
                .thenComparing(Comparator.comparingInt(RegionShare::reports).reversed())
                .thenComparing(RegionShare::regionCode));
        return out;
    }
}

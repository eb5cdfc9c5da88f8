package io.annualreport.store.persistence;

import static io.annualreport.store.persistence.ReportQueries.bind;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.annualreport.model.template.TemplateRegistry;
import io.annualreport.model.validation.Verdict;

/** The statistics of the dashboard: counts by verdict and status, per-year sums, top failing rules, verdicts by day. */
@ApplicationScoped
public class StatisticsQueries {

    /** The cells summed per year by the aggregates: the T3 totals and the T4 totals. */
    public static final List<String> SUMMED_CELLS = List.of(
            TemplateRegistry.t3("new_received", "total"),
            TemplateRegistry.t3("carried_over", "total"),
            TemplateRegistry.t3("disclosed", "total"),
            TemplateRegistry.t3("partially_disclosed", "total"),
            TemplateRegistry.t3("total_handled", "total"),
            TemplateRegistry.t3("carried_forward", "total"),
            TemplateRegistry.t4("review_total"),
            TemplateRegistry.t4("review_corrected"),
            TemplateRegistry.t4("litigation_direct_total"),
            TemplateRegistry.t4("litigation_direct_corrected"),
            TemplateRegistry.t4("litigation_after_review_total"),
            TemplateRegistry.t4("litigation_after_review_corrected"));

    private final DataSource dataSource;

    public StatisticsQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Statistics over the matching reports (the current versions only when the filter says so). */
    public Aggregates aggregates(ReportFilter filter, int topRules) {
        ReportFilter.Where where = filter.where();
        try (Connection c = dataSource.getConnection()) {
            // every verdict is listed, with 0 where no report has it, so that clients see the whole vocabulary
            Map<String, Long> byVerdict = new LinkedHashMap<>();
            for (Verdict verdict : Verdict.values()) {
                byVerdict.put(verdict.name(), 0L);
            }
            Map<String, Long> byStatus = new LinkedHashMap<>();
            long reports = countByStatusAndVerdict(c, where, byStatus, byVerdict);
            return new Aggregates(reports, byVerdict, byStatus, years(c, where), topRules(c, where, topRules),
                    verdictsOverTime(c, where));
        } catch (SQLException e) {
            throw new StoreException("cannot compute aggregates", e);
        }
    }

    /** Fills the counts by status and by verdict; returns the number of reports. */
    private static long countByStatusAndVerdict(Connection c, ReportFilter.Where where, Map<String, Long> byStatus,
            Map<String, Long> byVerdict) throws SQLException {
        long reports = 0;
        try (PreparedStatement ps = c.prepareStatement("select r.status, coalesce(r.verdict, ''), count(*) "
                + "from report r where " + where.sql() + " group by 1, 2 order by 1, 2")) {
            bind(ps, where.parameters());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long n = rs.getLong(3);
                    reports += n;
                    byStatus.merge(rs.getString(1), n, Long::sum);
                    if (!rs.getString(2).isEmpty()) {
                        byVerdict.merge(rs.getString(2), n, Long::sum);
                    }
                }
            }
        }
        return reports;
    }

    /** Per report year: the number of reports, their verdicts and the sums of {@link #SUMMED_CELLS}. */
    private static List<Aggregates.YearStats> years(Connection c, ReportFilter.Where where) throws SQLException {
        Map<Integer, Map<String, Long>> yearVerdicts = new TreeMap<>();
        Map<Integer, Long> yearReports = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select coalesce(r.report_year, 0), coalesce(r.verdict, 'NONE'), count(*) from report r where "
                        + where.sql() + " group by 1, 2")) {
            bind(ps, where.parameters());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int year = rs.getInt(1);
                    yearReports.merge(year, rs.getLong(3), Long::sum);
                    if (!"NONE".equals(rs.getString(2))) {
                        yearVerdicts.computeIfAbsent(year, y -> new LinkedHashMap<>()).put(rs.getString(2),
                                rs.getLong(3));
                    }
                }
            }
        }
        Map<Integer, Map<String, BigDecimal>> yearSums = cellSums(c, where);
        List<Aggregates.YearStats> years = new ArrayList<>();
        for (Map.Entry<Integer, Long> year : yearReports.entrySet()) {
            Map<String, BigDecimal> sums = new LinkedHashMap<>();
            Map<String, BigDecimal> found = yearSums.getOrDefault(year.getKey(), Map.of());
            for (String key : SUMMED_CELLS) {
                if (found.containsKey(key)) {
                    sums.put(key, found.get(key));
                }
            }
            years.add(new Aggregates.YearStats(year.getKey() == 0 ? null : year.getKey(), year.getValue(),
                    yearVerdicts.getOrDefault(year.getKey(), Map.of()), sums));
        }
        return years;
    }

    private static Map<Integer, Map<String, BigDecimal>> cellSums(Connection c, ReportFilter.Where where)
            throws SQLException {
        Map<Integer, Map<String, BigDecimal>> yearSums = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select coalesce(r.report_year, 0), ce.cell_key, sum(ce.value)
                from report r join cell ce on ce.run_id = r.current_parse_run_id
                where ce.cell_key = any (?) and\s""" + where.sql() + " group by 1, 2")) {
            ps.setArray(1, c.createArrayOf("varchar", SUMMED_CELLS.toArray()));
            bind(ps, where.parameters(), 2);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getBigDecimal(3) != null) {
                        yearSums.computeIfAbsent(rs.getInt(1), y -> new LinkedHashMap<>())
                                .put(rs.getString(2), rs.getBigDecimal(3));
                    }
                }
            }
        }
        return yearSums;
    }

    /** The rules with the most reports having an ERROR or WARNING finding of them. */
    private static List<Aggregates.RuleStats> topRules(Connection c, ReportFilter.Where where, int topRules)
            throws SQLException {
        List<Aggregates.RuleStats> rules = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select f.rule_id, count(distinct r.report_id), count(*),
                       count(*) filter (where f.severity = 'ERROR'), count(*) filter (where f.severity = 'WARNING')
                from report r join finding f on f.run_id = r.current_validation_run_id
                where f.severity in ('ERROR', 'WARNING') and\s""" + where.sql()
                + " group by f.rule_id order by 2 desc, 4 desc, 3 desc, 1 limit ?")) {
            int next = bind(ps, where.parameters());
            ps.setInt(next, topRules);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rules.add(new Aggregates.RuleStats(rs.getString(1), rs.getLong(2), rs.getLong(3),
                            rs.getLong(4), rs.getLong(5)));
                }
            }
        }
        return rules;
    }

    /** Per day of validation (UTC), the reports by verdict. */
    private static List<Aggregates.DayStats> verdictsOverTime(Connection c, ReportFilter.Where where)
            throws SQLException {
        Map<LocalDate, Map<String, Long>> days = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select (r.validated_at at time zone 'UTC')::date, r.verdict, count(*) from report r
                where r.validated_at is not null and r.verdict is not null and\s""" + where.sql()
                + " group by 1, 2")) {
            bind(ps, where.parameters());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    days.computeIfAbsent(rs.getObject(1, LocalDate.class), d -> new LinkedHashMap<>())
                            .put(rs.getString(2), rs.getLong(3));
                }
            }
        }
        return days.entrySet().stream().map(e -> new Aggregates.DayStats(e.getKey(), e.getValue())).toList();
    }
}

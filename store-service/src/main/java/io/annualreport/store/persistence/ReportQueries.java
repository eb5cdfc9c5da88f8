package io.annualreport.store.persistence;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.annualreport.model.template.TemplateRegistry;

/** The list, statistics, version and history queries of the read API. */
@ApplicationScoped
public class ReportQueries {

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

    private static final String SUMMARY_COLUMNS = """
            r.report_id, r.file_name, r.status, r.title, r.agency, r.region, r.report_year, r.edition, r.verdict,
            r.errors, r.warnings, r.infos, r.ruleset_version, r.parser_version, r.submitted_at, r.status_at,
            r.validated_at, """ + ReportFilter.CURRENT_VERSION;

    @Inject
    DataSource dataSource;

    /** One page of the reports that match the filter, most recently changed first. */
    public ReportPage list(ReportFilter filter, int page, int size) {
        ReportFilter.Where where = filter.where();
        try (Connection c = dataSource.getConnection()) {
            long total;
            try (PreparedStatement ps = c.prepareStatement("select count(*) from report r where " + where.sql())) {
                bind(ps, where.parameters());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<ReportSummary> items = new ArrayList<>();
            // The page is chosen first, then only its rows are projected (the current-version test is a subquery).
            try (PreparedStatement ps = c.prepareStatement("select " + SUMMARY_COLUMNS
                    + " from (select r.report_id from report r where " + where.sql()
                    + " order by r.updated_at desc, r.report_id limit ? offset ?) page"
                    + " join report r on r.report_id = page.report_id order by r.updated_at desc, r.report_id")) {
                int next = bind(ps, where.parameters());
                ps.setInt(next, size);
                ps.setLong(next + 1, (long) page * size);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.add(summary(rs));
                    }
                }
            }
            return new ReportPage(items, page, size, total);
        } catch (SQLException e) {
            throw new StoreException("cannot list reports", e);
        }
    }

    /** The reports of one agency and year, newest submission first; the current one is marked. */
    public List<ReportSummary> versions(String agency, int year) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select " + SUMMARY_COLUMNS + """
                         from report r where r.version_agency = ? and r.version_year = ?
                        order by coalesce(r.submitted_at, r.created_at) desc, r.report_id desc""")) {
            ps.setString(1, agency);
            ps.setInt(2, year);
            List<ReportSummary> items = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(summary(rs));
                }
            }
            return items;
        } catch (SQLException e) {
            throw new StoreException("cannot list versions of " + agency + " " + year, e);
        }
    }

    /** The agency and year that group the report's versions, if the report is known and they are. */
    public Optional<Map.Entry<String, Integer>> versionGroup(String reportId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "select version_agency, version_year from report where report_id = ?")) {
            ps.setString(1, reportId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || rs.getString(1) == null || rs.getObject(2) == null) {
                    return Optional.empty();
                }
                return Optional.of(Map.entry(rs.getString(1), rs.getInt(2)));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read versions of " + reportId, e);
        }
    }

    /** Every processing run of a report, oldest first: parser and rule set versions, verdicts, counts. */
    public List<Map<String, Object>> runs(String reportId) {
        return rows("""
                select id as "runId", stage, event_id as "eventId", occurred_at as "occurredAt",
                       recorded_at as "recordedAt", parser_version as "parserVersion",
                       ruleset_version as "rulesetVersion", parsed_event_id as "parsedEventId", verdict, errors,
                       warnings, infos,
                       (id = (select current_parse_run_id from report where report_id = ?)
                        or id = (select current_validation_run_id from report where report_id = ?)) as "current"
                from processing_run where report_id = ? order by occurred_at, id""", reportId, reportId, reportId);
    }

    /** The event log of a report, oldest first: which stage did what, when, and how long it took. */
    public List<Map<String, Object>> eventLog(String reportId) {
        return rows("""
                select event_id as "eventId", stage, event_type as "eventType", occurred_at as "occurredAt",
                       recorded_at as "recordedAt", duration_ms as "durationMillis", detail
                from event_log where report_id = ? order by occurred_at, id""", reportId);
    }

    /** Statistics over the current versions of the matching reports. */
    public Aggregates aggregates(ReportFilter filter, int topRules) {
        ReportFilter.Where where = filter.currentVersionsOnly().where();
        try (Connection c = dataSource.getConnection()) {
            Map<String, Long> byVerdict = new LinkedHashMap<>();
            Map<String, Long> byStatus = new LinkedHashMap<>();
            long reports = 0;
            try (PreparedStatement ps = c
                    .prepareStatement("select r.status, coalesce(r.verdict, ''), count(*) from report r where "
                            + where.sql() + " group by 1, 2 order by 1, 2")) {
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
            List<Aggregates.DayStats> overTime = days.entrySet().stream()
                    .map(e -> new Aggregates.DayStats(e.getKey(), e.getValue())).toList();
            return new Aggregates(reports, byVerdict, byStatus, years, rules, overTime);
        } catch (SQLException e) {
            throw new StoreException("cannot compute aggregates", e);
        }
    }

    private List<Map<String, Object>> rows(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, List.of(parameters));
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= columns; i++) {
                        Object value = rs.getObject(i);
                        if (value instanceof java.sql.Timestamp t) {
                            value = t.toInstant();
                        } else if (value instanceof java.util.UUID u) {
                            value = u.toString();
                        }
                        row.put(rs.getMetaData().getColumnLabel(i), value);
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new StoreException("cannot run query", e);
        }
    }

    static ReportSummary summary(ResultSet rs) throws SQLException {
        return new ReportSummary(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), (Integer) rs.getObject(7), rs.getString(8), rs.getString(9),
                (Integer) rs.getObject(10),
                (Integer) rs.getObject(11), (Integer) rs.getObject(12), rs.getString(13), rs.getString(14),
                instant(rs, 15), instant(rs, 16), instant(rs, 17), rs.getBoolean(18));
    }

    static int bind(PreparedStatement ps, List<Object> parameters) throws SQLException {
        return bind(ps, parameters, 1);
    }

    static int bind(PreparedStatement ps, List<Object> parameters, int first) throws SQLException {
        int index = first;
        for (Object parameter : parameters) {
            ps.setObject(index++, parameter);
        }
        return index;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        java.sql.Timestamp t = rs.getTimestamp(column);
        return t != null ? t.toInstant() : null;
    }

}

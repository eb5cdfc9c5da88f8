package io.annualreport.store.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/** The list, version and history queries of the read API. */
@ApplicationScoped
public class ReportQueries {

    private static final String SUMMARY_COLUMNS = """
            r.report_id, r.file_name, r.status, r.title, r.agency, r.region, r.report_year, r.edition, r.verdict,
            r.errors, r.warnings, r.infos, r.ruleset_version, r.parser_version, r.submitted_at, r.status_at,
            r.validated_at, """ + ReportFilter.CURRENT_VERSION + """
            , case when r.version_agency is null or r.version_year is null then 1 else (select count(*) from report g
                where g.version_agency = r.version_agency and g.version_year = r.version_year) end""";

    private final DataSource dataSource;

    public ReportQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

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
        return versions(agency, year, ReportFilter.none());
    }

    /** The same, limited to the reports a filter's region scope allows (its other conditions are not applied). */
    public List<ReportSummary> versions(String agency, int year, ReportFilter scope) {
        ReportFilter.Where within = scope.regionScopeOnly().where();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select " + SUMMARY_COLUMNS
                        + " from report r where r.version_agency = ? and r.version_year = ? and (" + within.sql()
                        + ") order by coalesce(r.submitted_at, r.created_at) desc, r.report_id desc")) {
            ps.setString(1, agency);
            ps.setInt(2, year);
            bind(ps, within.parameters(), 3);
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

    /** Whether the store has seen the report. */
    public boolean exists(String reportId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select 1 from report where report_id = ?")) {
            ps.setString(1, reportId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read report " + reportId, e);
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
                instant(rs, 15), instant(rs, 16), instant(rs, 17), rs.getBoolean(18), rs.getInt(19));
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

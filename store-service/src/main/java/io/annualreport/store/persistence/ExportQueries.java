package io.annualreport.store.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.annualreport.model.validation.Verdict;
import io.annualreport.store.labels.CellLabels;

/** Streams the cells and findings of the current runs of the matching reports, row by row, for exports. */
@ApplicationScoped
public class ExportQueries {

    /** Column headers of the cell export. */
    public static final List<String> CELL_HEADERS = List.of("report_id", "agency", "region", "year", "edition",
            "verdict", "cell_key", "label", "value", "raw", "semantic", "page", "certainty", "doubt", "verdict_label",
            "corrected_value",
            "corrected_raw", "corrected_by", "correction_note");

    /** Column headers of the finding export. */
    public static final List<String> FINDING_HEADERS = List.of("report_id", "agency", "region", "year", "edition",
            "verdict", "rule_id", "rule_version", "severity", "message", "message_en", "cells", "section", "expected",
            "actual", "evidence", "verdict_label");

    private final DataSource dataSource;

    public ExportQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Receives the exported rows one at a time; values are String, Number or null. */
    @FunctionalInterface
    public interface RowSink {
        void row(Object[] values) throws java.io.IOException;
    }

    /** Streams one row per cell, ordered by report and cell, with the reviewers' current correction beside it. */
    public void cells(ReportFilter filter, RowSink sink) throws java.io.IOException {
        ReportFilter.Where where = filter.where();
        stream("""
                select r.report_id, r.agency, r.region, r.report_year, r.edition, r.verdict, c.cell_key, c.value,
                       c.raw, c.semantic, c.page, coalesce(c.certainty, 'CERTAIN'), c.doubt,
                       k.value, k.raw, k.corrected_by, k.note
                from report r join cell c on c.run_id = r.current_parse_run_id
                left join lateral (select cc.value, cc.raw, cc.corrected_by, cc.note from cell_correction cc
                                   where cc.report_id = r.report_id and cc.cell_key = c.cell_key
                                   order by cc.id desc limit 1) k on true
                where\s""" + where.sql() + " order by r.report_id, c.ordinal", where.parameters(), rs -> {
            String key = rs.getString(7);
            String label = CellLabels.of(key).orElse(null);
            return new Object[]{rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4), rs.getString(5),
                    rs.getString(6), key, label, rs.getBigDecimal(8), rs.getString(9), rs.getString(10),
                    rs.getObject(11), rs.getString(12), rs.getString(13), verdictLabel(rs.getString(6)),
                    rs.getBigDecimal(14), rs.getString(15), rs.getString(16), rs.getString(17)};
        }, sink);
    }

    /** Streams one row per finding, ordered by report and finding. */
    public void findings(ReportFilter filter, RowSink sink) throws java.io.IOException {
        ReportFilter.Where where = filter.where();
        stream("""
                select r.report_id, r.agency, r.region, r.report_year, r.edition, r.verdict, f.rule_id, f.rule_version,
                       f.severity, f.message, f.message_en, f.cells, f.section, f.expected, f.actual, f.evidence
                from report r join finding f on f.run_id = r.current_validation_run_id
                where\s""" + where.sql() + " order by r.report_id, f.ordinal", where.parameters(), rs -> {
            String cells = String.join(" ", ReportReader.strings(rs.getString(12)));
            return new Object[]{rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4), rs.getString(5),
                    rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                    rs.getString(11), cells, rs.getObject(13), rs.getBigDecimal(14), rs.getBigDecimal(15),
                    rs.getString(16), verdictLabel(rs.getString(6))};
        }, sink);
    }

    /** The Chinese label of a stored verdict (e.g. 待人工复核 for NEEDS_REVIEW), or null. */
    static String verdictLabel(String verdict) {
        if (verdict == null) {
            return null;
        }
        try {
            return Verdict.valueOf(verdict).label();
        } catch (IllegalArgumentException unknown) {
            return verdict;
        }
    }

    private void stream(String sql, List<Object> parameters, RowMapper mapper, RowSink sink)
            throws java.io.IOException {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false); // lets the driver fetch in batches instead of loading everything
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setFetchSize(2000);
                ReportQueries.bind(ps, parameters);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sink.row(mapper.map(rs));
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot export", e);
        }
    }

    @FunctionalInterface
    private interface RowMapper {
        Object[] map(ResultSet rs) throws SQLException;
    }
}

package io.annualreport.store.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/** Finds the reports whose cross-year rules could not run because their previous year's report was missing. */
@ApplicationScoped
public class FollowingYearReports {

    private static final String AWAITING = """
            select r.report_id from report r join processing_run v on v.id = r.current_validation_run_id
            where r.agency_id = ? and r.report_year = ? and r.status = 'VALIDATED' and r.report_id <> ?
              and v.not_assessable @> '["Y-01"]'::jsonb""";

    private final DataSource dataSource;

    public FollowingYearReports(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Validated reports of this canonical agency and year whose carry-over continuity (Y-01) was not assessable. */
    public List<String> awaitingPreviousYear(long agencyId, int year, String excludeReportId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(AWAITING)) {
            ps.setLong(1, agencyId);
            ps.setInt(2, year);
            ps.setString(3, excludeReportId);
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new StoreException("cannot look up the reports of agency " + agencyId + " " + year, e);
        }
    }

    /**
     * The agency's validated reports whose Y-01 was not assessable although the agency now has a report of the year
     * before (after a merge linked two years).
     */
    public List<String> linkedSince(long agencyId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select r.report_id from report r join processing_run v on v.id = r.current_validation_run_id
                where r.agency_id = ? and r.status = 'VALIDATED' and v.not_assessable @> '["Y-01"]'::jsonb
                  and exists (select 1 from report p where p.agency_id = r.agency_id
                              and p.report_year = r.report_year - 1 and p.current_parse_run_id is not null)""")) {
            ps.setLong(1, agencyId);
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new StoreException("cannot look up the reports of agency " + agencyId, e);
        }
    }
}

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
            where r.agency = ? and r.report_year = ? and r.status = 'VALIDATED' and r.report_id <> ?
              and v.not_assessable @> '["Y-01"]'::jsonb""";

    private final DataSource dataSource;

    public FollowingYearReports(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Validated reports of this agency and year whose carry-over continuity (Y-01) was not assessable. */
    public List<String> awaitingPreviousYear(String agency, int year, String excludeReportId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(AWAITING)) {
            ps.setString(1, agency);
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
            throw new StoreException("cannot look up the reports of " + agency + " " + year, e);
        }
    }
}

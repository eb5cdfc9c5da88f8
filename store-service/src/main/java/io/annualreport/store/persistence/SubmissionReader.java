package io.annualreport.store.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.annualreport.model.event.ReportSubmittedEvent;

/** Rebuilds submissions from the store, for reprocessing and for serving the original file. */
@ApplicationScoped
public class SubmissionReader {

    private static final String LATEST = """
            select distinct on (s.report_id) s.report_id, s.sha256, s.file_name, s.media_type, s.size_bytes, s.blob_uri,
                   s.submitter, s.declared_agency, s.declared_year, s.submitted_at
            from submission s join report r on r.report_id = s.report_id
            where %s order by s.report_id, s.occurred_at desc, s.id desc""";

    private final DataSource dataSource;

    public SubmissionReader(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A fresh submitted event for the latest submission of a report, or empty if it was never submitted. */
    public Optional<ReportSubmittedEvent> resubmission(String reportId) {
        List<ReportSubmittedEvent> events = query(LATEST.formatted("s.report_id = ?"), List.of(reportId));
        return events.stream().findFirst();
    }

    /** Fresh submitted events for the latest submission of every report that matches the filter. */
    public List<ReportSubmittedEvent> resubmissions(ReportFilter filter) {
        ReportFilter.Where where = filter.where();
        return query(LATEST.formatted(where.sql()), where.parameters());
    }

    private List<ReportSubmittedEvent> query(String sql, List<Object> parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ReportQueries.bind(ps, parameters);
            List<ReportSubmittedEvent> events = new ArrayList<>();
            Instant now = Instant.now();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    java.sql.Timestamp submittedAt = rs.getTimestamp(10);
                    events.add(new ReportSubmittedEvent(UUID.randomUUID(), rs.getString(1), now,
                            ReportSubmittedEvent.SCHEMA_VERSION, rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getLong(5), rs.getString(6), rs.getString(7), rs.getString(8),
                            (Integer) rs.getObject(9), submittedAt != null ? submittedAt.toInstant() : null));
                }
            }
            return events;
        } catch (SQLException e) {
            throw new StoreException("cannot read submissions", e);
        }
    }

    /** The blob URI, file name and media type of a report's latest submission. */
    public Optional<StoredFile> file(String reportId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "select blob_uri, file_name, media_type from report where report_id = ?")) {
            ps.setString(1, reportId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StoredFile(rs.getString(1), rs.getString(2), rs.getString(3)));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the file of " + reportId, e);
        }
    }

    /** Where a report's original file is and what it is called. */
    public record StoredFile(String blobUri, String fileName, String mediaType) {
    }
}

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
import java.util.function.Function;

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

    /**
     * One page of a bulk resubmission: fresh submitted events for the latest submission of the reports that match the
     * filter, existed at {@code createdBefore} and come after {@code afterReportId} (null: from the start), in report
     * id order, with the event ids {@code eventIds} gives each report id.
     */
    public List<ReportSubmittedEvent> resubmissionPage(ReportFilter filter, Instant createdBefore,
            String afterReportId, int limit, Function<String, UUID> eventIds) {
        ReportFilter.Where where = filter.where();
        List<Object> parameters = new ArrayList<>(where.parameters());
        parameters.add(java.sql.Timestamp.from(createdBefore));
        parameters.add(afterReportId == null ? "" : afterReportId);
        parameters.add(limit);
        // the page of report ids first (primary key order), then the latest submission of each
        String sql = """
                select distinct on (s.report_id) s.report_id, s.sha256, s.file_name, s.media_type, s.size_bytes,
                       s.blob_uri, s.submitter, s.declared_agency, s.declared_year, s.submitted_at
                from submission s join (
                    select r.report_id from report r where %s and r.created_at <= ? and r.report_id > ?
                    and exists (select 1 from submission x where x.report_id = r.report_id)
                    order by r.report_id limit ?) page on page.report_id = s.report_id
                order by s.report_id, s.occurred_at desc, s.id desc""".formatted(where.sql());
        List<ReportSubmittedEvent> page = query(sql, parameters);
        return page.stream().map(e -> new ReportSubmittedEvent(eventIds.apply(e.reportId()), e.reportId(),
                e.occurredAt(), e.schemaVersion(), e.sha256(), e.fileName(), e.mediaType(), e.size(),
                e.blobUri(), e.submitter(), e.declaredAgency(), e.declaredYear(), e.submittedAt())).toList();
    }

    /** How many reports match the filter and existed at {@code createdBefore}, submitted at least once. */
    public int countResubmittable(ReportFilter filter, Instant createdBefore) {
        ReportFilter.Where where = filter.where();
        List<Object> parameters = new ArrayList<>(where.parameters());
        parameters.add(java.sql.Timestamp.from(createdBefore));
        String sql = "select count(*) from report r where " + where.sql()
                + " and r.created_at <= ? and exists (select 1 from submission s where s.report_id = r.report_id)";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ReportQueries.bind(ps, parameters);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot count reports to resubmit", e);
        }
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

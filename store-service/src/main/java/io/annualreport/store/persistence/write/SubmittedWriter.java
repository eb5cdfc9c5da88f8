package io.annualreport.store.persistence.write;

import static io.annualreport.store.persistence.write.Jdbc.setInteger;
import static io.annualreport.store.persistence.write.Jdbc.timestamp;

import java.sql.PreparedStatement;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.annualreport.model.event.ReportSubmittedEvent;

/** Records submissions ({@code reports.submitted}): the file, who sent it and what they declared. */
@ApplicationScoped
public class SubmittedWriter {

    private final EventLedger ledger;

    public SubmittedWriter(EventLedger ledger) {
        this.ledger = ledger;
    }

    /** Records a submission once; the newest submission describes the report's file. */
    @Transactional
    public WriteOutcome apply(ReportSubmittedEvent event) {
        return ledger.apply(event, c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into submission (report_id, event_id, occurred_at, sha256, file_name, media_type, size_bytes,
                        blob_uri, submitter, declared_agency, declared_year, submitted_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                ps.setString(1, event.reportId());
                ps.setObject(2, event.eventId());
                ps.setTimestamp(3, timestamp(event.occurredAt()));
                ps.setString(4, event.sha256());
                ps.setString(5, event.fileName());
                ps.setString(6, event.mediaType());
                ps.setLong(7, event.size());
                ps.setString(8, event.blobUri());
                ps.setString(9, event.submitter());
                ps.setString(10, event.declaredAgency());
                setInteger(ps, 11, event.declaredYear());
                ps.setTimestamp(12, timestamp(event.submittedAt() != null ? event.submittedAt() : event.occurredAt()));
                ps.executeUpdate();
            }
            // The newest submission describes the file; older ones only fill what is still missing.
            try (PreparedStatement ps = c.prepareStatement("""
                    update report r set
                        sha256 = coalesce(s.sha256, r.sha256), file_name = coalesce(s.file_name, r.file_name),
                        media_type = s.media_type, size_bytes = s.size_bytes, blob_uri = s.blob_uri,
                        submitter = s.submitter, declared_agency = s.declared_agency, declared_year = s.declared_year,
                        submitted_at = s.submitted_at
                    from (select * from submission where report_id = ? order by occurred_at desc, id desc limit 1) s
                    where r.report_id = s.report_id""")) {
                ps.setString(1, event.reportId());
                ps.executeUpdate();
            }
            return new EventLedger.Entry("INGEST", null, event.fileName(), List.of(event));
        });
    }
}

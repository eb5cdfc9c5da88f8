package io.annualreport.store.persistence.write;

import static io.annualreport.store.persistence.write.Jdbc.json;
import static io.annualreport.store.persistence.write.Jdbc.name;
import static io.annualreport.store.persistence.write.Jdbc.returnedId;
import static io.annualreport.store.persistence.write.Jdbc.setInteger;
import static io.annualreport.store.persistence.write.Jdbc.timestamp;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.annualreport.model.event.ReportEvent;
import io.annualreport.model.event.ReportParsedEvent;
import io.annualreport.model.report.Cell;
import io.annualreport.model.report.Fact;
import io.annualreport.model.report.Identity;
import io.annualreport.model.report.ParsedReport;
import io.annualreport.model.report.Section;
import io.annualreport.store.config.StoreConfig;

/** Records parse runs ({@code reports.parsed}) with their sections, cells and facts. */
@ApplicationScoped
public class ParsedWriter {

    private final EventLedger ledger;
    private final boolean copyCells;

    @Inject
    public ParsedWriter(EventLedger ledger, StoreConfig config) {
        this(ledger, config.write().cellsCopy());
    }

    /** A writer that sends the cells with {@code COPY} ({@code copyCells}) or as one batch of inserts. */
    public ParsedWriter(EventLedger ledger, boolean copyCells) {
        this.ledger = ledger;
        this.copyCells = copyCells;
    }

    /**
     * Records a parse run once; it becomes the report's current parse run if it is the newest, and releases the
     * validation run that arrived before it and waited for it.
     */
    @Transactional
    public WriteOutcome apply(ReportParsedEvent event) {
        return ledger.apply(event, c -> {
            ParsedReport report = event.report();
            Identity identity = report != null ? report.identity() : null;
            long runId = insertRun(c, event, report, identity);
            if (report != null) {
                insertSections(c, runId, report.sections());
                if (copyCells) {
                    copyCells(c, runId, report.cells());
                } else {
                    insertCells(c, runId, report.cells());
                }
                insertFacts(c, runId, report.facts());
            }
            if (EventLedger.isNewest(c, event, "current_parse_run_id")) {
                makeCurrent(c, event, identity, runId);
            }
            List<ReportEvent> visible = new ArrayList<>(List.of(event));
            ValidationRuns.release(c, event.reportId(), event.eventId()).ifPresent(visible::add);
            Long millis = report != null && report.extraction() != null ? report.extraction().millis() : null;
            return new EventLedger.Entry("PARSE", millis, "parser " + event.parserVersion(), visible);
        });
    }

    private static long insertRun(Connection c, ReportParsedEvent event, ParsedReport report, Identity identity)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into processing_run (report_id, stage, event_id, occurred_at, parser_version, extraction,
                    parse_warnings, identity, full_text, reading)
                values (?, 'PARSE', ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?::jsonb) returning id""")) {
            ps.setString(1, event.reportId());
            ps.setObject(2, event.eventId());
            ps.setTimestamp(3, timestamp(event.occurredAt()));
            ps.setString(4, event.parserVersion());
            ps.setString(5, report != null ? json(report.extraction()) : null);
            ps.setString(6, report != null ? json(report.parseWarnings()) : null);
            ps.setString(7, json(identity));
            ps.setString(8, report != null ? report.text() : null);
            ps.setString(9, report != null ? json(report.reading()) : null);
            return returnedId(ps);
        }
    }

    private static void makeCurrent(Connection c, ReportParsedEvent event, Identity identity, long runId)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                update report set current_parse_run_id = ?, parser_version = ?, title = ?, agency = ?,
                    region = ?, report_year = ?, edition = ?,
                    file_name = coalesce(file_name, ?), sha256 = coalesce(sha256, ?)
                where report_id = ?""")) {
            ps.setLong(1, runId);
            ps.setString(2, event.parserVersion());
            ps.setString(3, identity != null ? identity.title() : null);
            ps.setString(4, identity != null ? identity.agency() : null);
            ps.setString(5, identity != null ? identity.region() : null);
            setInteger(ps, 6, identity != null ? identity.year() : null);
            ps.setString(7, identity != null && identity.edition() != null ? identity.edition().code() : null);
            ps.setString(8, event.fileName());
            ps.setString(9, event.sha256());
            ps.setString(10, event.reportId());
            ps.executeUpdate();
        }
    }

    private static void insertSections(Connection c, long runId, List<Section> sections) throws SQLException {
        if (sections == null || sections.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                insert into section (run_id, number, heading, body, span_start, span_end) values (?, ?, ?, ?, ?, ?)
                on conflict (run_id, number) do nothing""")) {
            for (Section s : sections) {
                ps.setLong(1, runId);
                ps.setInt(2, s.number());
                ps.setString(3, s.heading());
                ps.setString(4, s.text());
                ps.setInt(5, s.start());
                ps.setInt(6, s.end());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static final String CELL_COLUMNS = "cell (run_id, ordinal, cell_key, value, raw, semantic, page, line, source, certainty, doubt)";

    /** The cells of a run in one {@code COPY}: a parse run has about 200, the bulk of its rows. */
    private static void copyCells(Connection c, long runId, Map<String, Cell> cells) throws SQLException {
        if (cells == null || cells.isEmpty()) {
            return;
        }
        CopyRows rows = new CopyRows(cells.size());
        int ordinal = 0;
        for (Map.Entry<String, Cell> entry : cells.entrySet()) {
            Cell cell = entry.getValue();
            if (cell == null) {
                continue;
            }
            rows.add(runId).add(ordinal++).add(entry.getKey()).add(cell.value()).add(cell.raw())
                    .add(name(cell.semantic())).add(cell.page()).add(cell.line()).add(cell.source())
                    // certain cells (most) store null: see V5
                    .add(cell.isCertain() ? null : name(cell.certainty())).add(name(cell.doubt())).endRow();
        }
        if (ordinal > 0) {
            rows.copyInto(c, CELL_COLUMNS);
        }
    }

    private static void insertCells(Connection c, long runId, Map<String, Cell> cells) throws SQLException {
        if (cells == null || cells.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                insert into %s values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""".formatted(CELL_COLUMNS))) {
            int ordinal = 0;
            for (Map.Entry<String, Cell> entry : cells.entrySet()) {
                Cell cell = entry.getValue();
                if (cell == null) {
                    continue;
                }
                ps.setLong(1, runId);
                ps.setInt(2, ordinal++);
                ps.setString(3, entry.getKey());
                ps.setBigDecimal(4, cell.value());
                ps.setString(5, cell.raw());
                ps.setString(6, name(cell.semantic()));
                setInteger(ps, 7, cell.page());
                setInteger(ps, 8, cell.line());
                ps.setString(9, cell.source());
                // certain cells (most) store null: see V5
                ps.setString(10, cell.isCertain() ? null : name(cell.certainty()));
                ps.setString(11, name(cell.doubt()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void insertFacts(Connection c, long runId, List<Fact> facts) throws SQLException {
        if (facts == null || facts.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                insert into fact (run_id, ordinal, name, value, section, body) values (?, ?, ?, ?, ?, ?::jsonb)""")) {
            int ordinal = 0;
            for (Fact fact : facts) {
                ps.setLong(1, runId);
                ps.setInt(2, ordinal++);
                ps.setString(3, fact.name());
                ps.setBigDecimal(4, fact.value());
                setInteger(ps, 5, fact.section());
                ps.setString(6, json(fact));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}

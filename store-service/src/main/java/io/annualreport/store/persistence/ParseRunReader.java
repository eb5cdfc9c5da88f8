package io.annualreport.store.persistence;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.type.TypeReference;

import io.annualreport.model.event.EventCodec;
import io.annualreport.model.report.Cell;
import io.annualreport.model.report.CellSemantic;
import io.annualreport.model.report.Certainty;
import io.annualreport.model.report.Doubt;
import io.annualreport.model.report.Extraction;
import io.annualreport.model.report.Fact;
import io.annualreport.model.report.Identity;
import io.annualreport.model.report.ParseWarning;
import io.annualreport.model.report.ParsedReport;
import io.annualreport.model.report.ReadingReport;
import io.annualreport.model.report.Section;

/** Reads a report's current parse run back as the {@link ParsedReport} the parser published, for revalidation. */
@ApplicationScoped
public class ParseRunReader {

    /** A stored parse run: the event that recorded it, the parser that made it, and its content. */
    public record StoredParseRun(long runId, UUID parsedEventId, String parserVersion, ParsedReport report) {
    }

    private final DataSource dataSource;

    public ParseRunReader(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The report's current parse run, or empty if the report is unknown or has not been parsed. */
    public Optional<StoredParseRun> currentParseRun(String reportId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select p.id, p.event_id, p.parser_version, p.identity, p.extraction, p.parse_warnings, p.full_text,
                    p.reading
                from report r join processing_run p on p.id = r.current_parse_run_id where r.report_id = ?""")) {
            ps.setString(1, reportId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long runId = rs.getLong(1);
                ParsedReport report = new ParsedReport(
                        read(rs.getString(4), new TypeReference<Identity>() {
                        }),
                        sections(c, runId),
                        cells(c, runId),
                        facts(c, runId),
                        read(rs.getString(5), new TypeReference<Extraction>() {
                        }),
                        orEmpty(read(rs.getString(6), new TypeReference<List<ParseWarning>>() {
                        })),
                        rs.getString(7),
                        read(rs.getString(8), new TypeReference<ReadingReport>() {
                        }));
                return Optional.of(new StoredParseRun(runId, rs.getObject(2, UUID.class), rs.getString(3), report));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the parse run of report " + reportId, e);
        }
    }

    private static List<Section> sections(Connection c, long runId) throws SQLException {
        List<Section> sections = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select number, heading, body, span_start, span_end from section where run_id = ? order by number")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sections.add(new Section(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                            rs.getInt(5)));
                }
            }
        }
        return sections;
    }

    private static Map<String, Cell> cells(Connection c, long runId) throws SQLException {
        Map<String, Cell> cells = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select cell_key, value, raw, semantic, page, line, source, certainty, doubt
                from cell where run_id = ? order by ordinal""")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String certainty = rs.getString(8);
                    String doubt = rs.getString(9);
                    cells.put(rs.getString(1), new Cell(rs.getBigDecimal(2), rs.getString(3),
                            rs.getString(4) != null ? CellSemantic.valueOf(rs.getString(4)) : null,
                            (Integer) rs.getObject(5), (Integer) rs.getObject(6), rs.getString(7),
                            certainty != null ? Certainty.valueOf(certainty) : null,
                            doubt != null ? Doubt.valueOf(doubt) : null));
                }
            }
        }
        return cells;
    }

    private static List<Fact> facts(Connection c, long runId) throws SQLException {
        List<Fact> facts = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select body from fact where run_id = ? order by ordinal")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    facts.add(read(rs.getString(1), new TypeReference<Fact>() {
                    }));
                }
            }
        }
        return facts;
    }

    private static <T> T read(String json, TypeReference<T> type) {
        if (json == null) {
            return null;
        }
        try {
            return EventCodec.mapper().readValue(json, type);
        } catch (IOException e) {
            throw new StoreException("a stored parse run cannot be read back: " + e.getMessage(), e);
        }
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list != null ? list : List.of();
    }
}

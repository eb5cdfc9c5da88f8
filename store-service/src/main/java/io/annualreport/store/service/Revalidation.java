package io.annualreport.store.service;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.annualreport.model.event.EventIds;
import io.annualreport.model.event.ReportRevalidationRequestedEvent;
import io.annualreport.model.event.RevalidationCause;
import io.annualreport.model.report.Cell;
import io.annualreport.model.report.ParsedReport;
import io.annualreport.store.messaging.RevalidationPublisher;
import io.annualreport.store.persistence.CorrectedCells;
import io.annualreport.store.persistence.ParseRunReader;
import io.annualreport.store.persistence.ParseRunReader.StoredParseRun;

/**
 * Asks validate to check a report's current parse run again, as stored (with reviewers' corrections laid over its
 * cells), without extracting or parsing the file again; the verdict comes back as a new validation run of that parse
 * run.
 */
@ApplicationScoped
public class Revalidation {

    private final ParseRunReader parseRuns;
    private final RevalidationPublisher publisher;
    private final CorrectedCells corrected;

    public Revalidation(ParseRunReader parseRuns, RevalidationPublisher publisher, CorrectedCells corrected) {
        this.parseRuns = parseRuns;
        this.publisher = publisher;
        this.corrected = corrected;
    }

    /**
     * Requests the revalidation of a report's current parse run.
     *
     * @param corrections cells that replace the parser's cells of the same key, besides the reviewers' stored
     *        corrections, which are always laid over (empty for none)
     * @param trigger the id of the event that caused the request, so that a redelivered trigger yields the same
     *        request (and validate the same verdict event); null for a user's deliberate request, which is always new
     * @return the request as published, or empty if the report has no stored parse run
     */
    public Optional<ReportRevalidationRequestedEvent> request(String reportId, RevalidationCause cause,
            String requestedBy, Map<String, Cell> corrections, UUID trigger) {
        Optional<StoredParseRun> run = parseRuns.currentParseRun(reportId);
        if (run.isEmpty()) {
            return Optional.empty();
        }
        ParsedReport stored = run.get().report();
        Map<String, Cell> cells = new LinkedHashMap<>(stored.cells());
        // the reviewers' corrections stand whatever the cause (a late previous year keeps them too)
        cells.putAll(corrected.of(reportId, stored.cells()));
        cells.putAll(corrections);
        ParsedReport report = new ParsedReport(stored.identity(), stored.sections(), cells, stored.facts(),
                stored.extraction(), stored.parseWarnings(), stored.text(), stored.reading());
        UUID eventId = trigger == null
                ? UUID.randomUUID()
                : EventIds.derived(trigger, "revalidate:" + reportId, cause.name());
        ReportRevalidationRequestedEvent request = new ReportRevalidationRequestedEvent(eventId, reportId,
                Instant.now(), ReportRevalidationRequestedEvent.SCHEMA_VERSION, run.get().parsedEventId(),
                run.get().parserVersion(), cause, requestedBy, report);
        publisher.publish(request);
        return Optional.of(request);
    }
}

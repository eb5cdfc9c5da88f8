package io.annualreport.validate;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.annualreport.model.event.EventIds;
import io.annualreport.model.event.ReportParsedEvent;
import io.annualreport.model.event.ReportRevalidationRequestedEvent;
import io.annualreport.model.event.ReportValidatedEvent;
import io.annualreport.model.report.Identity;
import io.annualreport.model.report.ParsedReport;
import io.annualreport.rules.RuleEngine;
import io.annualreport.rules.ValidationContext;
import io.annualreport.rules.ValidationResult;
import io.annualreport.validate.history.ReportHistory;

/** The validate stage as plain Java: look up last year's report, run the rules, build the verdict event. */
public final class ReportValidation {

    private final RuleEngine engine;
    private final ReportHistory history;

    public ReportValidation(RuleEngine engine, ReportHistory history) {
        this.engine = engine;
        this.history = history;
    }

    /** Validates one parsed report. */
    public ReportValidatedEvent validate(ReportParsedEvent parsed) {
        // the same parse run validated by the same rule set has one id, however often it is redelivered
        return validate(parsed.eventId(), parsed.reportId(), parsed.eventId(), parsed.parserVersion(), parsed.report());
    }

    /**
     * Validates a stored parse run again: the verdict belongs to that parse run, and its id is derived from the
     * request's id, so a redelivered request yields the same verdict event while a new request yields a new one.
     */
    public ReportValidatedEvent revalidate(ReportRevalidationRequestedEvent request) {
        return validate(request.eventId(), request.reportId(), request.parsedEventId(), request.parserVersion(),
                request.report());
    }

    private ReportValidatedEvent validate(UUID inputEventId, String reportId, UUID parsedEventId,
            String parserVersion, ParsedReport report) {
        Identity identity = report.identity();
        Optional<ParsedReport> previous = Optional.empty();
        if (identity != null && identity.agency() != null && identity.year() != null) {
            previous = history.previousYear(identity.agency(), identity.year(), reportId);
        }
        ValidationResult result = engine.validate(report, new ValidationContext(previous));
        ReportValidatedEvent.IdentitySummary summary = identity == null
                ? null
                : new ReportValidatedEvent.IdentitySummary(identity.agency(), identity.year(), identity.edition());
        UUID eventId = inputEventId == null
                ? UUID.randomUUID()
                : EventIds.derived(inputEventId, EventIds.VALIDATE, result.rulesetVersion());
        return new ReportValidatedEvent(eventId, reportId, Instant.now(), ReportValidatedEvent.SCHEMA_VERSION,
                parsedEventId, parserVersion, result.rulesetVersion(), result.verdict(), result.counts(),
                result.findings(), result.notAssessable(), summary, result.notAssessableReasons(),
                result.reviewReasons());
    }
}

package io.annualreport.validate;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.annualreport.model.event.EventIds;
import io.annualreport.model.event.ReportParsedEvent;
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
        ParsedReport report = parsed.report();
        Identity identity = report.identity();
        Optional<ParsedReport> previous = Optional.empty();
        if (identity != null && identity.agency() != null && identity.year() != null) {
            previous = history.previousYear(identity.agency(), identity.year(), parsed.reportId());
        }
        ValidationResult result = engine.validate(report, new ValidationContext(previous));
        ReportValidatedEvent.IdentitySummary summary = identity == null
                ? null
                : new ReportValidatedEvent.IdentitySummary(identity.agency(), identity.year(), identity.edition());
        // the same parse run validated by the same rule set has one id, however often it is redelivered
        UUID eventId = parsed.eventId() == null
                ? UUID.randomUUID()
                : EventIds.derived(parsed.eventId(), EventIds.VALIDATE, result.rulesetVersion());
        return new ReportValidatedEvent(eventId, parsed.reportId(), Instant.now(),
                ReportValidatedEvent.SCHEMA_VERSION, parsed.eventId(), parsed.parserVersion(),
                result.rulesetVersion(), result.verdict(), result.counts(), result.findings(), result.notAssessable(),
                summary, result.notAssessableReasons(), result.reviewReasons());
    }
}

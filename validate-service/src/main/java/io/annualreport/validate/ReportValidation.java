package io.annualreport.validate;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.annualreport.model.event.EventIds;
import io.annualreport.model.event.ReportParsedEvent;
import io.annualreport.model.event.ReportRevalidationRequestedEvent;
import io.annualreport.model.event.ReportValidatedEvent;
import io.annualreport.model.history.CrossYearContext;
import io.annualreport.model.history.PeerNarrative;
import io.annualreport.model.report.Identity;
import io.annualreport.model.report.ParsedReport;
import io.annualreport.rules.RuleEngine;
import io.annualreport.rules.ValidationContext;
import io.annualreport.rules.ValidationResult;
import io.annualreport.validate.history.ReportHistory;

/**
 * The validate stage as plain Java: ask for the canonical agency's previous year and peers, run the rules, build the
 * verdict event.
 */
public final class ReportValidation {

    /** Why the cross-document rules are not assessable when the store cannot answer. */
    public static final String STORE_UNAVAILABLE = "上一年度报告暂时无法获取（存储服务不可用）";

    private final RuleEngine engine;
    private final ReportHistory history;
    private final Runnable onLookupFailure;

    public ReportValidation(RuleEngine engine, ReportHistory history) {
        this(engine, history, () -> {
        });
    }

    /** @param onLookupFailure called once for every look-up the store could not answer (for a metric) */
    public ReportValidation(RuleEngine engine, ReportHistory history, Runnable onLookupFailure) {
        this.engine = engine;
        this.history = history;
        this.onLookupFailure = onLookupFailure;
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
        ValidationResult result = engine.validate(report, context(identity, reportId));
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

    private ValidationContext context(Identity identity, String reportId) {
        if (identity == null || identity.agency() == null || identity.year() == null) {
            return ValidationContext.standalone();
        }
        CrossYearContext context;
        try {
            context = history.context(identity.agency(), identity.agencyFull(), identity.year(), reportId);
        } catch (RuntimeException e) {
            onLookupFailure.run();
            return ValidationContext.unavailable(STORE_UNAVAILABLE);
        }
        if (context == null) {
            return ValidationContext.standalone();
        }
        return new ValidationContext(
                Optional.ofNullable(context.previousYear()).map(p -> p.toParsedReport()),
                context.peers().stream().map(PeerNarrative::toParsedReport).toList());
    }
}

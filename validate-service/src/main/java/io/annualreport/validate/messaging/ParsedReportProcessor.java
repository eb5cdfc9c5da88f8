package io.annualreport.validate.messaging;

import java.net.URI;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.annualreport.model.event.EventCodec;
import io.annualreport.model.event.ReportParsedEvent;
import io.annualreport.model.event.ReportRevalidationRequestedEvent;
import io.annualreport.model.event.ReportValidatedEvent;
import io.annualreport.service.messaging.EventMessages;
import io.annualreport.validate.ReportValidation;
import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Consumes {@code reports.parsed} (and {@code reports.revalidate}, store's requests to check a stored parse run again),
 * runs the rules and publishes exactly one {@code reports.validated} event per parse run or request, as a binary-mode
 * CloudEvent of type {@code report.validated}.
 */
@ApplicationScoped
public class ParsedReportProcessor {

    /** The CloudEvents type of validation events. */
    public static final String CLOUD_EVENT_TYPE = "report.validated";

    private static final URI SOURCE = URI.create("urn:annual-report:validate-service");

    private final ReportValidation validation;
    private final MutinyEmitter<String> validated;
    private final BrokerWait brokerWait;

    public ParsedReportProcessor(ReportValidation validation, @Channel("validated") MutinyEmitter<String> validated,
            BrokerWait brokerWait) {
        this.validation = validation;
        this.validated = validated;
        this.brokerWait = brokerWait;
    }

    @Incoming("parsed")
    @Blocking(value = "validate-pool", ordered = false)
    public void onParsed(String payload) {
        publish(validation.validate(EventCodec.decode(payload, ReportParsedEvent.class)));
    }

    @Incoming("revalidate")
    @Blocking(value = "validate-pool", ordered = false)
    public void onRevalidationRequested(String payload) {
        ReportRevalidationRequestedEvent request = EventCodec.decode(payload, ReportRevalidationRequestedEvent.class);
        Log.infof("reportId=%s validating parse run %s again: %s, asked by %s", request.reportId(),
                request.parsedEventId(), request.cause(), request.requestedBy());
        publish(validation.revalidate(request));
    }

    private void publish(ReportValidatedEvent event) {
        Message<String> message = EventMessages.keyedCloudEvent(event, CLOUD_EVENT_TYPE, SOURCE);
        brokerWait.publish(event.reportId(),
                () -> validated.sendMessage(message).await().atMost(Duration.ofSeconds(60)));
        Log.infof("reportId=%s validated: %s (%d errors, %d warnings) with ruleset %s", event.reportId(),
                event.verdict(), event.counts().errors(), event.counts().warnings(), event.rulesetVersion());
    }
}

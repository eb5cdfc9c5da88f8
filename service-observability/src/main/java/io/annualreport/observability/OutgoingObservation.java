package io.annualreport.observability;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Message;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.OutgoingInterceptor;

/**
 * Counts every event the service published and the broker acknowledged: failures by stage and reason (a
 * {@code ReportFailedEvent}), verdicts (a {@code ReportValidatedEvent}), and publishes that the broker refused.
 */
@ApplicationScoped
public class OutgoingObservation implements OutgoingInterceptor {

    /** Counter of reports given up, tagged {@code stage} and {@code reason}. */
    public static final String FAILED = "pipeline.reports.failed";
    /** Counter of verdicts, tagged {@code verdict}. */
    public static final String VERDICTS = "pipeline.verdicts";
    /** Counter of events the broker did not acknowledge. */
    public static final String PUBLISH_FAILURES = "pipeline.publish.failures";

    private final MeterRegistry registry;

    public OutgoingObservation(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void onMessageAck(Message<?> message) {
        var fields = EventFields.leadingScalars(message.getPayload());
        if (fields.containsKey("verdict")) {
            Counter.builder(VERDICTS).description("Verdicts published").tag("verdict", fields.get("verdict"))
                    .register(registry).increment();
        } else if (fields.containsKey("reason") && fields.containsKey("stage")) {
            Counter.builder(FAILED).description("Reports given up, by stage and reason")
                    .tag("stage", fields.get("stage")).tag("reason", fields.get("reason")).register(registry)
                    .increment();
        }
    }

    @Override
    public void onMessageNack(Message<?> message, Throwable failure) {
        Counter.builder(PUBLISH_FAILURES).description("Events the broker did not acknowledge").register(registry)
                .increment();
    }
}

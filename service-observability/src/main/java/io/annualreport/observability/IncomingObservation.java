package io.annualreport.observability;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Message;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.IncomingInterceptor;

/**
 * Sees every record of every incoming channel of the service: puts its {@code reportId} into the log MDC, and counts it
 * as processed (acknowledged) or dead-lettered (nacked: every incoming channel's failure strategy is its dead-letter
 * topic).
 */
@ApplicationScoped
public class IncomingObservation implements IncomingInterceptor {

    /** Counter of handled records, tagged {@code channel} and {@code outcome} (processed, dead-lettered). */
    public static final String MESSAGES = "pipeline.messages";

    private final MeterRegistry registry;

    public IncomingObservation(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Message<?> afterMessageReceive(Message<?> message) {
        String reportId = ReportMdc.reportId(message);
        if (reportId != null) {
            ReportMdc.put(message, reportId);
        }
        return message;
    }

    @Override
    public void onMessageAck(Message<?> message) {
        count(message, "processed");
    }

    @Override
    public void onMessageNack(Message<?> message, Throwable failure) {
        count(message, "dead-lettered");
    }

    private void count(Message<?> message, String outcome) {
        Counter.builder(MESSAGES).description("Kafka records handled, by channel and outcome")
                .tag("channel", Channels.incoming(message)).tag("outcome", outcome).register(registry).increment();
    }
}

package io.annualreport.observability;

import org.eclipse.microprofile.reactive.messaging.Message;

import io.quarkus.vertx.core.runtime.VertxMDC;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.providers.locals.LocalContextMetadata;
import io.vertx.core.Context;

/**
 * Puts the {@code reportId} of a message into the log MDC of the Vert.x context the message is processed on, so that
 * every log line written while handling it (on the event loop or a worker thread) carries the id.
 */
public final class ReportMdc {

    /** The MDC key (a field of the JSON log line). */
    public static final String KEY = "reportId";

    private ReportMdc() {
    }

    /** The report id of a record: its Kafka key (every topic is keyed by report id), else the payload's field. */
    public static String reportId(Message<?> message) {
        Object key = message.getMetadata(IncomingKafkaRecordMetadata.class).map(IncomingKafkaRecordMetadata::getKey)
                .orElse(null);
        if (key instanceof String s && !s.isBlank()) {
            return s;
        }
        return EventFields.leadingScalars(message.getPayload()).get(KEY);
    }

    /** Sets the id in the MDC of the message's own context (one duplicated context per record). */
    public static void put(Message<?> message, String reportId) {
        Context context = message.getMetadata(LocalContextMetadata.class).map(LocalContextMetadata::context)
                .orElse(null);
        if (context != null) {
            VertxMDC.INSTANCE.put(KEY, reportId, context);
        }
    }

    /** Sets the id in the current MDC for work that is not a message (an upload request). */
    public static void put(String reportId) {
        org.jboss.logging.MDC.put(KEY, reportId);
    }

    /** Removes the id from the current MDC. */
    public static void clear() {
        org.jboss.logging.MDC.remove(KEY);
    }
}

package io.annualreport.observability;

import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/** Names the topic of a Kafka message for metric tags (bounded: the pipeline's own topics). */
final class Channels {

    private Channels() {
    }

    static String incoming(Message<?> message) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class).map(IncomingKafkaRecordMetadata::getTopic)
                .orElse("unknown");
    }

    static String outgoing(Message<?> message) {
        return message.getMetadata(OutgoingKafkaRecordMetadata.class).map(OutgoingKafkaRecordMetadata::getTopic)
                .filter(t -> t != null && !t.isBlank()).orElse("default");
    }
}

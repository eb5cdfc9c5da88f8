package io.annualreport.infra.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import io.annualreport.infra.KafkaBroker;
import io.annualreport.infra.Ports;

class KafkaStatusTest {

    @Test
    void shouldCountLagPerStageAndDeadLettersNotYetReplayed() throws Exception {
        // Given: five submissions, of which parse committed two; three dead letters, of which one was replayed
        Path data = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "kafka-status");
        try (KafkaBroker broker = KafkaBroker.start(data, Ports.free(), Ports.free(), 1);
                Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()));
                var producer = new KafkaProducer<String, String>(Map.of("bootstrap.servers",
                        broker.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 5; i++) {
                producer.send(new ProducerRecord<>("reports.submitted", "r" + i, "{}")).get();
            }
            for (int i = 0; i < 3; i++) {
                producer.send(new ProducerRecord<>("reports.parsed.store.dlq", "d" + i, "{}")).get();
            }
            admin.alterConsumerGroupOffsets("parse-service",
                    Map.of(new TopicPartition("reports.submitted", 0), new OffsetAndMetadata(2))).all().get();
            admin.alterConsumerGroupOffsets(KafkaStatus.REPLAY_GROUP,
                    Map.of(new TopicPartition("reports.parsed.store.dlq", 0), new OffsetAndMetadata(1))).all().get();

            // When
            KafkaStatus status = new KafkaStatus(admin);
            List<KafkaStatus.Lag> lags = status.lags();
            List<KafkaStatus.DeadLetters> dead = status.deadLetters();

            // Then
            assertThat(lags).contains(new KafkaStatus.Lag("parse-service", "reports.submitted", 3, 0),
                    new KafkaStatus.Lag("store-service", "reports.submitted", 5, 0),
                    new KafkaStatus.Lag("validate-service", "reports.parsed", 0, 0));
            assertThat(dead).containsExactly(new KafkaStatus.DeadLetters("reports.parsed.store.dlq", 3, 2));
        }
    }
}

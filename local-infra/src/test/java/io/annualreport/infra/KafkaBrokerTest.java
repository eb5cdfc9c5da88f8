package io.annualreport.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class KafkaBrokerTest {

    @Test
    void shouldKeepRecordsAcrossABrokerRestart() throws Exception {
        // Given
        Path data = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "kafka-test");
        int port = Ports.free();
        int controller = Ports.free();
        try (KafkaBroker broker = KafkaBroker.start(data, port, controller, 1);
                var producer = new KafkaProducer<String, String>(Map.of("bootstrap.servers", broker.bootstrapServers(),
                        "acks", "all", "enable.idempotence", "true"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("kept", "k", "政府信息公开")).get();
        }
        // When
        try (KafkaBroker broker = KafkaBroker.start(data, port, controller, 1);
                var consumer = new KafkaConsumer<String, String>(Map.of("bootstrap.servers", broker.bootstrapServers(),
                        "group.id", "t", "auto.offset.reset", "earliest"), new StringDeserializer(),
                        new StringDeserializer())) {
            consumer.subscribe(List.of("kept"));
            String value = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (value == null && System.nanoTime() < deadline) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                for (var r : records) {
                    value = r.value();
                }
            }
            // Then
            assertThat(value).isEqualTo("政府信息公开");
        }
    }

    @Test
    void shouldSyncOnceASecondInsteadOfOnEveryAppend() {
        // When
        Properties p = KafkaBroker.properties(Path.of("logs"), 1, 2, 3);
        // Then
        assertThat(p).doesNotContainKey("log.flush.interval.messages")
                .containsEntry("log.flush.interval.ms", "1000")
                .containsEntry("log.flush.scheduler.interval.ms", "1000");
    }

    @Test
    void shouldLetARestartedBrokerRegisterAgainWellWithinTheRecoveryTarget() {
        // When
        Properties p = KafkaBroker.properties(Path.of("logs"), 1, 2, 3);
        // Then: a kill -9 restart waits out the old registration's session, which must leave room in 10 s for the
        // JVM's start-up; at least three heartbeats fit in a session, so one late heartbeat does not fence the broker
        long session = Long.parseLong(p.getProperty("broker.session.timeout.ms"));
        long heartbeat = Long.parseLong(p.getProperty("broker.heartbeat.interval.ms"));
        assertThat(session).isLessThanOrEqualTo(5_000);
        assertThat(session).isGreaterThanOrEqualTo(3 * heartbeat);
    }

    @Test
    void shouldTakeBrokerPropertiesFromPrefixedSystemProperties() {
        // Given
        Properties system = new Properties();
        system.setProperty("kafka.broker.log.flush.interval.messages", "1");
        system.setProperty("kafka.broker.", "ignored");
        system.setProperty("java.version", "17");
        // When
        Properties o = KafkaBroker.overrides(system);
        // Then
        assertThat(o).containsExactly(Map.entry("log.flush.interval.messages", "1"));
    }
}

package io.annualreport.store.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.logging.Log;

/**
 * Puts the messages of a dead-letter topic back on the topic they came from (the {@code dead-letter-topic} header the
 * connector wrote), once their cause is fixed. How far a dead-letter topic has been replayed is the committed offset
 * of the consumer group {@value #REPLAY_GROUP}, so a message is replayed once; a replay interrupted before its commit
 * puts some messages back twice, which the derived event ids make harmless.
 */
@ApplicationScoped
public class DeadLetterReplayer {

    /** The consumer group that marks how far each dead-letter topic has been replayed. */
    public static final String REPLAY_GROUP = "dead-letter-replay";

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration DEADLINE = Duration.ofMinutes(5);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    /** The outcome of one replay: how many messages went back to which topic. */
    public record Result(String deadLetterTopic, long replayed, Map<String, Long> byTopic) {
    }

    /**
     * Replays every message of the dead-letter topic that has not been replayed yet.
     *
     * @return empty when there is no such dead-letter topic
     */
    public synchronized Optional<Result> replay(String deadLetterTopic) {
        if (!deadLetterTopic.endsWith(".dlq")) {
            return Optional.empty();
        }
        Map<String, Object> common = Map.of("bootstrap.servers", bootstrap);
        Map<String, Object> consumerConfig = new HashMap<>(common);
        consumerConfig.putAll(Map.of("group.id", REPLAY_GROUP, "enable.auto.commit", "false",
                "auto.offset.reset", "earliest", "isolation.level", "read_committed"));
        Map<String, Object> producerConfig = new HashMap<>(common);
        producerConfig.putAll(Map.of("acks", "all", "enable.idempotence", "true", "max.request.size", 20971520,
                "compression.type", "gzip"));
        try (var consumer = new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
                var producer = new KafkaProducer<>(producerConfig, new ByteArraySerializer(),
                        new ByteArraySerializer())) {
            if (!consumer.listTopics(Duration.ofSeconds(10)).containsKey(deadLetterTopic)) {
                return Optional.empty();
            }
            List<TopicPartition> partitions = consumer.partitionsFor(deadLetterTopic, Duration.ofSeconds(10))
                    .stream().map(p -> new TopicPartition(deadLetterTopic, p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<TopicPartition, OffsetAndMetadata> done = consumer.committed(new java.util.HashSet<>(partitions));
            for (TopicPartition tp : partitions) {
                OffsetAndMetadata d = done.get(tp);
                if (d == null) {
                    consumer.seekToBeginning(List.of(tp));
                } else {
                    consumer.seek(tp, d.offset());
                }
            }
            Map<String, Long> byTopic = new LinkedHashMap<>();
            long replayed = 0;
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            while (!reached(consumer, end) && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL)) {
                    if (r.offset() >= end.get(new TopicPartition(r.topic(), r.partition()))) {
                        continue;
                    }
                    String target = origin(r);
                    ProducerRecord<byte[], byte[]> back = new ProducerRecord<>(target, r.key(), r.value());
                    back.headers().add("replayed-from", deadLetterTopic.getBytes(StandardCharsets.UTF_8));
                    producer.send(back).get();
                    byTopic.merge(target, 1L, Long::sum);
                    replayed++;
                }
            }
            producer.flush();
            Map<TopicPartition, OffsetAndMetadata> positions = new HashMap<>();
            for (TopicPartition tp : partitions) {
                positions.put(tp, new OffsetAndMetadata(Math.min(consumer.position(tp), end.get(tp))));
            }
            consumer.commitSync(positions);
            Log.infof("replayed %d message(s) of %s: %s", replayed, deadLetterTopic, byTopic);
            return Optional.of(new Result(deadLetterTopic, replayed, byTopic));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replaying " + deadLetterTopic, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the broker did not take a replayed message of " + deadLetterTopic,
                    e.getCause());
        }
    }

    /** The topic a dead-lettered record came from: its header, else the dead-letter topic's name without suffixes. */
    static String origin(ConsumerRecord<byte[], byte[]> record) {
        Header header = record.headers().lastHeader("dead-letter-topic");
        if (header != null && header.value() != null && header.value().length > 0) {
            return new String(header.value(), StandardCharsets.UTF_8);
        }
        return record.topic().replaceAll("(\\.store)?\\.dlq$", "");
    }

    private static boolean reached(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
        for (var e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }
}

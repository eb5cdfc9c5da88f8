package io.annualreport.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a topic from the beginning without joining a consumer group, for assertions on what was published. */
public final class TopicReader {

    private TopicReader() {
    }

    /** Every record currently in the topic (empty if the topic does not exist yet). */
    public static List<ConsumerRecord<String, String>> readAll(String bootstrap, String topic) {
        try (KafkaConsumer<String, String> consumer = consumer(bootstrap)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            if (partitions.isEmpty()) {
                return List.of();
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!reached(consumer, end) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            return List.of();
        }
    }

    /** Waits until a record matching the predicate is in the topic, and returns it. */
    public static ConsumerRecord<String, String> await(String bootstrap, String topic,
            Predicate<ConsumerRecord<String, String>> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> r : readAll(bootstrap, topic)) {
                if (match.test(r)) {
                    return r;
                }
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("no matching record on " + topic + " within " + timeout);
    }

    /** Waits for the record with this key. */
    public static ConsumerRecord<String, String> awaitKey(String bootstrap, String topic, String key,
            Duration timeout) {
        return await(bootstrap, topic, r -> key.equals(r.key()), timeout);
    }

    /** Waits until the topic holds at least {@code count} records with this key, and returns them in order. */
    public static List<ConsumerRecord<String, String>> awaitKeyCount(String bootstrap, String topic, String key,
            int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ConsumerRecord<String, String>> found = List.of();
        while (System.nanoTime() < deadline) {
            found = readAll(bootstrap, topic).stream().filter(r -> key.equals(r.key())).toList();
            if (found.size() >= count) {
                return found;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError(found.size() + " of " + count + " records with key " + key + " on " + topic
                + " within " + timeout);
    }

    private static boolean reached(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        for (var e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private static KafkaConsumer<String, String> consumer(String bootstrap) {
        return new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap, "enable.auto.commit", "false",
                "isolation.level", "read_committed"), new StringDeserializer(), new StringDeserializer());
    }
}

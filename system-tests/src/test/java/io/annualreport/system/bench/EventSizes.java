package io.annualreport.system.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The sizes of the events on each pipeline topic: every record read back from the beginning (value and headers as a
 * consumer receives them, uncompressed), and the topic's log segments on disk (as stored, compressed batches).
 */
final class EventSizes {

    static final List<String> TOPICS = List.of("reports.submitted", "reports.parsed", "reports.validated",
            "reports.failed");

    /** Record count and value sizes of one topic. */
    record TopicSizes(long records, double meanBytes, long p50Bytes, long maxBytes, double meanHeaderBytes,
            long onDiskBytes, Map<String, CodecCost.Cost> codecs) {
        String line() {
            return String.format(Locale.ROOT,
                    "%6d records, value mean %,.0f B, p50 %,d B, max %,d B; headers mean %.0f B; on disk %,d B "
                            + "(%,.0f B per record)",
                    records, meanBytes, p50Bytes, maxBytes, meanHeaderBytes, onDiskBytes,
                    records == 0 ? 0.0 : (double) onDiskBytes / records);
        }
    }

    private EventSizes() {
    }

    static Map<String, TopicSizes> measure(String bootstrap, Path kafkaData) throws IOException {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(32 << 20));
        props.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, Integer.toString(64 << 20));
        Map<String, TopicSizes> sizes = new LinkedHashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            for (String topic : TOPICS) {
                try {
                    sizes.put(topic, measure(consumer, topic, kafkaData));
                } catch (org.apache.kafka.common.KafkaException e) {
                    // a broker too loaded to answer in time costs this topic's sizes, not the run's other results
                    System.err.printf("event sizes of %s not measured: %s%n", topic, e);
                }
            }
        }
        return sizes;
    }

    private static TopicSizes measure(KafkaConsumer<byte[], byte[]> consumer, String topic, Path kafkaData)
            throws IOException {
        List<TopicPartition> partitions = new ArrayList<>();
        consumer.partitionsFor(topic, Duration.ofSeconds(60))
                .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        List<Long> values = new ArrayList<>();
        List<byte[]> sample = new ArrayList<>();
        long headerBytes = 0;
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!reached(consumer, end) && System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                values.add(r.value() == null ? 0L : (long) r.value().length);
                if (r.value() != null && sample.size() < 500) {
                    sample.add(r.value());
                }
                for (Header h : r.headers()) {
                    headerBytes += h.key().length() + (h.value() == null ? 0 : h.value().length);
                }
            }
        }
        values.sort(null);
        long n = values.size();
        double mean = values.stream().mapToLong(Long::longValue).average().orElse(0);
        return new TopicSizes(n, mean, n == 0 ? 0 : values.get((int) (n / 2)),
                n == 0 ? 0 : values.get((int) n - 1), n == 0 ? 0 : (double) headerBytes / n,
                onDisk(kafkaData, topic), CodecCost.measure(sample));
    }

    private static boolean reached(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
        for (var e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private static long onDisk(Path kafkaData, String topic) throws IOException {
        if (!Files.isDirectory(kafkaData)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(kafkaData)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".log"))
                    .filter(p -> p.getParent().getFileName().toString().matches(java.util.regex.Pattern.quote(topic)
                            + "-\\d+"))
                    .mapToLong(p -> {
                        try {
                            return Files.size(p);
                        } catch (IOException e) {
                            return 0;
                        }
                    }).sum();
        }
    }
}

package io.annualreport.infra.ops;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/**
 * What {@code ./pipeline status} shows about the broker: per stage (consumer group and topic) the consumer lag and the
 * group's members, and per dead-letter topic the messages not yet replayed.
 */
public final class KafkaStatus {

    /** The consumer group whose committed offsets mark how far each dead-letter topic has been replayed. */
    public static final String REPLAY_GROUP = "dead-letter-replay";

    /** Each stage's consumer group and the topics it reads. */
    public static final Map<String, List<String>> STAGES = Map.of(
            "parse-service", List.of("reports.submitted"),
            "validate-service", List.of("reports.parsed", "reports.revalidate"),
            "store-service", List.of("reports.submitted", "reports.parsed", "reports.validated", "reports.failed"));

    /** The lag of one consumer group on one topic. */
    public record Lag(String group, String topic, long lag, int members) {
    }

    /** The messages of one dead-letter topic: all there are, and those waiting for a replay. */
    public record DeadLetters(String topic, long total, long waiting) {
    }

    private final Admin admin;

    public KafkaStatus(Admin admin) {
        this.admin = admin;
    }

    /** Consumer lag of every stage, in a fixed order. */
    public List<Lag> lags() throws ExecutionException, InterruptedException, TimeoutException {
        Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
        List<Lag> lags = new ArrayList<>();
        for (String group : List.of("parse-service", "validate-service", "store-service")) {
            Map<TopicPartition, OffsetAndMetadata> committed = committed(group);
            int members = members(group);
            for (String topic : STAGES.get(group)) {
                if (!existing.contains(topic)) {
                    lags.add(new Lag(group, topic, 0, members));
                    continue;
                }
                Map<TopicPartition, Long> end = offsets(topic, OffsetSpec.latest());
                Map<TopicPartition, Long> start = offsets(topic, OffsetSpec.earliest());
                long lag = 0;
                for (var e : end.entrySet()) {
                    OffsetAndMetadata c = committed.get(e.getKey());
                    lag += e.getValue() - (c == null ? start.get(e.getKey()) : c.offset());
                }
                lags.add(new Lag(group, topic, lag, members));
            }
        }
        return lags;
    }

    /** Every dead-letter topic ({@code *.dlq}) with its messages and those not yet replayed. */
    public List<DeadLetters> deadLetters() throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, OffsetAndMetadata> replayed = committed(REPLAY_GROUP);
        List<DeadLetters> result = new ArrayList<>();
        List<String> topics = admin.listTopics().names().get(10, TimeUnit.SECONDS).stream()
                .filter(t -> t.endsWith(".dlq")).sorted().toList();
        for (String topic : topics) {
            Map<TopicPartition, Long> end = offsets(topic, OffsetSpec.latest());
            Map<TopicPartition, Long> start = offsets(topic, OffsetSpec.earliest());
            long total = 0;
            long waiting = 0;
            for (var e : end.entrySet()) {
                long first = start.get(e.getKey());
                OffsetAndMetadata done = replayed.get(e.getKey());
                total += e.getValue() - first;
                waiting += e.getValue() - Math.max(first, done == null ? first : done.offset());
            }
            result.add(new DeadLetters(topic, total, waiting));
        }
        return result;
    }

    /** The committed offsets of a consumer group; none when the group does not exist (yet). */
    private Map<TopicPartition, OffsetAndMetadata> committed(String group)
            throws ExecutionException, InterruptedException, TimeoutException {
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetAndMetadata> present = new HashMap<>();
            offsets.forEach((tp, o) -> {
                if (o != null) {
                    present.put(tp, o);
                }
            });
            return present;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return Map.of();
            }
            throw e;
        }
    }

    /** The members of a consumer group; none when the group does not exist (yet). */
    private int members(String group) throws ExecutionException, InterruptedException, TimeoutException {
        try {
            ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all()
                    .get(10, TimeUnit.SECONDS).get(group);
            return description == null ? 0 : description.members().size();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return 0;
            }
            throw e;
        }
    }

    private Map<TopicPartition, Long> offsets(String topic, OffsetSpec spec)
            throws ExecutionException, InterruptedException, TimeoutException {
        TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                .get(10, TimeUnit.SECONDS).get(topic);
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        description.partitions().forEach(p -> request.put(new TopicPartition(topic, p.partition()), spec));
        Map<TopicPartition, ListOffsetsResultInfo> answer = admin.listOffsets(request).all().get(10,
                TimeUnit.SECONDS);
        return answer.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    /** Prints the lag and dead-letter tables: {@code --bootstrap host:port}. */
    public static void main(String[] args) throws Exception {
        String bootstrap = args.length == 2 && args[0].equals("--bootstrap") ? args[1] : "127.0.0.1:19092";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15000))) {
            KafkaStatus status = new KafkaStatus(admin);
            System.out.printf("%-17s %-18s %8s %8s%n", "STAGE", "TOPIC", "LAG", "MEMBERS");
            for (Lag lag : status.lags()) {
                System.out.printf("%-17s %-18s %8d %8d%n", lag.group(), lag.topic(), lag.lag(), lag.members());
            }
            System.out.println();
            System.out.printf("%-30s %8s %8s%n", "DEAD-LETTER TOPIC", "TOTAL", "WAITING");
            for (DeadLetters d : status.deadLetters()) {
                System.out.printf("%-30s %8d %8d%n", d.topic(), d.total(), d.waiting());
            }
        }
    }
}

package io.annualreport.system;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Watches the consumer groups through the broker's admin API to time a killed part's recovery as the group sees it:
 * when the restarted instance's consumers hold their partitions again (a new member under the same static
 * {@code group.instance.id}) and when the committed offsets of those partitions move on (or have no lag left).
 */
final class GroupRecovery implements AutoCloseable {

    private static final List<String> GROUPS = List.of("parse-service", "validate-service", "store-service");

    /** One consumer of a part: its static instance id, its member id and the partitions it holds. */
    record Member(String group, String instanceId, String memberId, Set<TopicPartition> partitions) {
    }

    private final Admin admin;

    GroupRecovery(int kafkaPort) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + kafkaPort,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                3000));
    }

    /**
     * The consumers of one instance ({@code parse} is {@code parse-submitted}, not {@code parse-2-submitted}); every
     * member of every stage's group for {@code kafka}. Empty while the broker does not answer.
     */
    List<Member> members(String part) {
        Pattern instance = Pattern.compile(Pattern.quote(part) + "-[a-z]+");
        try {
            Map<String, ConsumerGroupDescription> groups = admin.describeConsumerGroups(GROUPS).all().get(3,
                    TimeUnit.SECONDS);
            return groups.values().stream().flatMap(g -> g.members().stream().map(m -> member(g.groupId(), m)))
                    .filter(m -> "kafka".equals(part) || instance.matcher(m.instanceId()).matches()).toList();
        } catch (Exception e) {
            return List.of();
        }
    }

    /**
     * Waits (up to {@code timeoutMillis}) until each of {@code before}'s instance ids is held by a member with
     * partitions, and, for a killed service, by a new member (a new process); answers the time that happened.
     */
    long awaitPartitions(List<Member> before, boolean newMembers, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        Set<String> oldIds = new HashSet<>();
        before.forEach(m -> oldIds.add(m.memberId()));
        Set<String> wanted = new HashSet<>();
        before.forEach(m -> wanted.add(m.instanceId()));
        while (System.currentTimeMillis() < deadline) {
            Set<String> held = new HashSet<>();
            for (Member m : members("kafka")) {
                if (!m.partitions().isEmpty() && (!newMembers || !oldIds.contains(m.memberId()))) {
                    held.add(m.instanceId());
                }
            }
            if (!wanted.isEmpty() && held.containsAll(wanted)) {
                return System.currentTimeMillis();
            }
            Thread.sleep(100);
        }
        return -1;
    }

    /**
     * Waits until the committed offset of one of the instance's partitions moves past where it stood, or none of
     * them has any lag left; answers when, or -1 after {@code timeoutMillis}.
     */
    long awaitProgress(List<Member> instance, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        Map<TopicPartition, Long> start = null;
        while (System.currentTimeMillis() < deadline) {
            try {
                Map<TopicPartition, Long> committed = new HashMap<>();
                Set<TopicPartition> partitions = new HashSet<>();
                for (Member m : instance) {
                    partitions.addAll(m.partitions());
                    Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(m.group())
                            .partitionsToOffsetAndMetadata().get(3, TimeUnit.SECONDS);
                    for (TopicPartition tp : m.partitions()) {
                        OffsetAndMetadata o = offsets.get(tp);
                        committed.put(tp, o == null ? 0L : o.offset());
                    }
                }
                Map<TopicPartition, OffsetSpec> request = new HashMap<>();
                partitions.forEach(tp -> request.put(tp, OffsetSpec.latest()));
                Map<TopicPartition, Long> end = new HashMap<>();
                admin.listOffsets(request).all().get(3, TimeUnit.SECONDS)
                        .forEach((tp, info) -> end.put(tp, info.offset()));
                boolean noLag = partitions.stream().allMatch(tp -> committed.get(tp) >= end.get(tp));
                if (noLag) {
                    return System.currentTimeMillis();
                }
                if (start == null) {
                    start = committed;
                } else {
                    for (TopicPartition tp : partitions) {
                        if (committed.get(tp) > start.get(tp)) {
                            return System.currentTimeMillis();
                        }
                    }
                }
            } catch (Exception e) {
                // the broker is not answering yet: ask again
            }
            Thread.sleep(200);
        }
        return -1;
    }

    private static Member member(String group, MemberDescription m) {
        return new Member(group, m.groupInstanceId().orElse(m.consumerId()), m.consumerId(),
                Set.copyOf(m.assignment().topicPartitions()));
    }

    @Override
    public void close() {
        admin.close();
    }
}

package org.hotline.devstack;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The poison drill: on every topic a service's consumer group reads, two poison records keyed by a case id (one
 * not JSON at all, one JSON of the wrong shape, both with the CloudEvents headers of a real event of that topic),
 * then a valid record after them on the same partition (a real event of that topic sent again: consumers
 * deduplicate it by its event id). Passes when every group that reads the topic put both poison records in its
 * dead-letter topic {@code <topic>.<group>.dlt} with the exception's message in a header, did not dead-letter the
 * valid record, and committed past it: the partition went on.
 */
final class PoisonDrill {

    /** Spring Kafka's dead-letter header, and the binder's own. */
    static final List<String> REASON_HEADERS = List.of("kafka_dlt-exception-message", "x-exception-message");

    /** The class of the exception's root cause, as Spring Kafka's dead-letter publisher records it. */
    static final String CAUSE_HEADER = "kafka_dlt-exception-cause-fqcn";

    private static final byte[] NOT_JSON = "\u0000\u0001 this is not an event {{{".getBytes(StandardCharsets.UTF_8);
    private static final byte[] WRONG_SHAPE = """
            {"envelope":"not an object","caseId":["a","b"],"occurredAt":"yesterday","level":42}"""
            .getBytes(StandardCharsets.UTF_8);

    /** What was written to one topic. */
    private record Poisoned(String topic, int partition, String key, List<String> poisonIds, String validId,
                            long lastOffset, Set<String> readers) {
    }

    private final String bootstrap;
    private final List<String> groups;
    /** Dead-letter topic → its records since the drill began, as the last check read them. */
    private final Map<String, List<ConsumerRecord<String, byte[]>>> deadLetters = new HashMap<>();
    private final Consumer<String> say;

    PoisonDrill(String bootstrap, List<String> groups, Consumer<String> say) {
        this.bootstrap = bootstrap;
        this.groups = groups;
        this.say = say;
    }

    DrillVerdict run(Duration timeout) throws Exception {
        long started = System.nanoTime();
        say.accept("poison: writing a non-JSON and a wrong-shape record, then a valid one, to every topic a service "
                + "group reads");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
                KafkaProducer<String, byte[]> producer = producer();
                KafkaConsumer<String, byte[]> consumer = consumer()) {
            long deadline = System.nanoTime() + timeout.toNanos();
            Map<String, ConsumerGroupDescription> described = describe(admin);
            while (described.values().stream().anyMatch(d -> d.members().isEmpty() || d.members().stream()
                    .anyMatch(m -> m.assignment().topicPartitions().isEmpty())) && System.nanoTime() < deadline) {
                Thread.sleep(500); // a group is still joining or rebalancing
                described = describe(admin);
            }
            Map<String, Set<String>> readers = new TreeMap<>();
            List<String> idle = new ArrayList<>();
            described.forEach((group, description) -> {
                if (description.members().isEmpty()) {
                    idle.add(group);
                }
                description.members().forEach(member -> member.assignment().topicPartitions().stream()
                        .map(TopicPartition::topic).filter(topic -> !topic.endsWith(".dlt"))
                        .forEach(topic -> readers.computeIfAbsent(topic, t -> new TreeSet<>()).add(group)));
            });
            List<Poisoned> written = new ArrayList<>();
            Map<String, Map<TopicPartition, Long>> dltStart = new HashMap<>();
            int withoutReplay = 0;
            for (var entry : readers.entrySet()) {
                String topic = entry.getKey();
                ConsumerRecord<String, byte[]> valid = lastRecord(consumer, topic);
                int partition = valid == null ? 0 : valid.partition();
                String key = valid == null ? "poison-drill-" + UUID.randomUUID() : valid.key();
                for (String group : entry.getValue()) {
                    String dlt = dlt(topic, group);
                    dltStart.put(dlt, endOffsets(consumer, dlt));
                }
                List<String> poisonIds = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString());
                producer.send(new ProducerRecord<>(topic, partition, key, NOT_JSON, headers(valid, topic,
                        poisonIds.get(0)))).get(30, TimeUnit.SECONDS);
                long last = producer.send(new ProducerRecord<>(topic, partition, key, WRONG_SHAPE, headers(valid, topic,
                        poisonIds.get(1)))).get(30, TimeUnit.SECONDS).offset();
                String validId = null;
                if (valid != null) {
                    validId = CaseAudit.header(valid, "ce_id");
                    last = producer.send(new ProducerRecord<>(topic, partition, key, valid.value(), valid.headers()))
                            .get(30, TimeUnit.SECONDS).offset();
                } else {
                    withoutReplay++;
                }
                written.add(new Poisoned(topic, partition, key, poisonIds, validId, last, entry.getValue()));
            }
            say.accept(String.format("poison: %d topics, %d (topic, group) pairs; %d topics had no event yet to "
                    + "replay after the poison (for those only the poison records are checked)", written.size(),
                    written.stream().mapToInt(p -> p.readers().size()).sum(), withoutReplay));

            Map<String, String> outcome;
            while (true) {
                outcome = check(admin, consumer, written, dltStart);
                if (outcome.values().stream().allMatch(String::isEmpty) || System.nanoTime() > deadline) {
                    break;
                }
                Thread.sleep(1000);
            }
            long expected = 0;
            long found = 0;
            long duplicates = 0;
            long stuck = 0;
            long validDeadLettered = 0;
            for (Poisoned poisoned : written) {
                for (String group : poisoned.readers()) {
                    expected += 2;
                    List<ConsumerRecord<String, byte[]>> dead = deadLetters.get(dlt(poisoned.topic(), group));
                    for (String id : poisoned.poisonIds()) {
                        long copies = dead.stream().filter(r -> id.equals(CaseAudit.header(r, "ce_id"))
                                && reason(r) != null).count();
                        found += Math.min(1, copies);
                        duplicates += Math.max(0, copies - 1);
                    }
                    if (poisoned.validId() != null && dead.stream()
                            .anyMatch(r -> poisoned.validId().equals(CaseAudit.header(r, "ce_id")))) {
                        validDeadLettered++;
                    }
                    String problem = outcome.get(poisoned.topic() + " " + group);
                    if (problem.contains("not past")) {
                        stuck++;
                    }
                    String reason = dead.stream().filter(r -> reason(r) != null).findFirst()
                            .map(PoisonDrill::describeReason).orElse("-");
                    say.accept(String.format("  %-32s %-19s %s", poisoned.topic() + "[" + poisoned.partition() + "]",
                            group, problem.isEmpty() ? "OK: both in " + dlt(poisoned.topic(), group) + ", "
                                    + reason + "; went on past offset " + poisoned.lastOffset()
                                    : "FAIL: " + problem));
                }
            }
            idle.forEach(group -> say.accept("  group " + group + " has no running consumer: FAIL"));
            long lost = expected - found + stuck + validDeadLettered;
            boolean pass = lost == 0 && duplicates == 0 && idle.isEmpty() && !written.isEmpty();
            return new DrillVerdict("poison", pass, expected, found, duplicates, lost, String.format(
                    "topics=%d stuckPartitions=%d validDeadLettered=%d idleGroups=%d", written.size(), stuck,
                    validDeadLettered, idle.size()), Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private Map<String, ConsumerGroupDescription> describe(Admin admin) throws Exception {
        return admin.describeConsumerGroups(groups).all().get(30, TimeUnit.SECONDS);
    }

    /** (topic group) → what is still wrong, empty when that group dead-lettered both and went on. */
    private Map<String, String> check(Admin admin, KafkaConsumer<String, byte[]> consumer, List<Poisoned> written,
            Map<String, Map<TopicPartition, Long>> dltStart) throws Exception {
        Map<String, String> outcome = new LinkedHashMap<>();
        Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = new HashMap<>();
        for (Poisoned poisoned : written) {
            for (String group : poisoned.readers()) {
                List<String> problems = new ArrayList<>();
                OffsetAndMetadata offset = committed.computeIfAbsent(group, g -> offsets(admin, g))
                        .get(new TopicPartition(poisoned.topic(), poisoned.partition()));
                if (offset == null || offset.offset() <= poisoned.lastOffset()) {
                    problems.add("not past offset " + poisoned.lastOffset() + " (committed "
                            + (offset == null ? "nothing" : offset.offset()) + ")");
                }
                String dlt = dlt(poisoned.topic(), group);
                List<ConsumerRecord<String, byte[]>> dead = read(consumer, dlt, dltStart.get(dlt));
                deadLetters.put(dlt, dead);
                long inDlt = poisoned.poisonIds().stream().filter(id -> dead.stream().anyMatch(
                        r -> id.equals(CaseAudit.header(r, "ce_id")) && reason(r) != null)).count();
                if (inDlt < 2) {
                    problems.add(inDlt + " of 2 poison records in " + dlt + " with a reason");
                }
                outcome.put(poisoned.topic() + " " + group, String.join("; ", problems));
            }
        }
        return outcome;
    }

    private static Map<TopicPartition, OffsetAndMetadata> offsets(Admin admin, String group) {
        try {
            return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(15, TimeUnit.SECONDS);
        }
        catch (Exception ex) {
            return Map.of();
        }
    }

    static String dlt(String topic, String group) {
        return topic + "." + group + ".dlt";
    }

    static String reason(ConsumerRecord<?, ?> record) {
        return REASON_HEADERS.stream().map(name -> CaseAudit.header(record, name)).filter(r -> r != null && !r.isBlank())
                .findFirst().orElse(null);
    }

    /** {@code header: "message"}, and the root cause's class when the record names it. */
    private static String describeReason(ConsumerRecord<?, ?> record) {
        String header = REASON_HEADERS.stream().filter(name -> CaseAudit.header(record, name) != null).findFirst()
                .orElseThrow();
        String cause = CaseAudit.header(record, CAUSE_HEADER);
        return header + ": \"" + abbreviate(CaseAudit.header(record, header)) + "\""
                + (cause == null ? "" : " (cause " + cause + ")");
    }

    private static String abbreviate(String text) {
        String line = text.replace('\n', ' ');
        return line.length() <= 160 ? line : line.substring(0, 80) + " ... " + line.substring(line.length() - 75);
    }

    /**
     * The CloudEvents headers of a real event of the topic (or made up if there is none) with a new event id and a
     * source of the drill's own: a consumer may skip unread what its own service published (feedback-service does
     * with the CaseResolved it sends), and a poison record is meant to be read by every group.
     */
    private static RecordHeaders headers(ConsumerRecord<String, byte[]> valid, String topic, String eventId) {
        RecordHeaders headers = new RecordHeaders();
        if (valid != null) {
            for (Header header : valid.headers()) {
                if (!header.key().equals("ce_id") && !header.key().equals("ce_source")) {
                    headers.add(header);
                }
            }
        } else {
            headers.add(new RecordHeader("ce_specversion", bytes("1.0")));
            headers.add(new RecordHeader("ce_type", bytes("org.hotline." + topic + ".v1")));
            headers.add(new RecordHeader("content-type", bytes("application/json")));
        }
        headers.add(new RecordHeader("ce_source", bytes("/fault-drills")));
        headers.add(new RecordHeader("ce_id", bytes(eventId)));
        return headers;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The newest record of the topic, or null if it has none. */
    private static ConsumerRecord<String, byte[]> lastRecord(KafkaConsumer<String, byte[]> consumer, String topic) {
        Map<TopicPartition, Long> ends = endOffsets(consumer, topic);
        ConsumerRecord<String, byte[]> newest = null;
        for (var end : ends.entrySet()) {
            if (end.getValue() == 0) {
                continue;
            }
            List<ConsumerRecord<String, byte[]>> records = read(consumer, topic,
                    Map.of(end.getKey(), end.getValue() - 1));
            for (ConsumerRecord<String, byte[]> record : records) {
                if (record.key() != null && CaseAudit.header(record, "ce_id") != null
                        && !java.util.Arrays.equals(record.value(), NOT_JSON)
                        && !java.util.Arrays.equals(record.value(), WRONG_SHAPE)
                        && (newest == null || record.timestamp() > newest.timestamp())) {
                    newest = record;
                }
            }
        }
        return newest;
    }

    private static Map<TopicPartition, Long> endOffsets(KafkaConsumer<String, byte[]> consumer, String topic) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        return partitions.isEmpty() ? Map.of() : consumer.endOffsets(partitions);
    }

    /** The records of {@code topic} from the given offsets (every partition from 0 when null) to the end. */
    private static List<ConsumerRecord<String, byte[]>> read(KafkaConsumer<String, byte[]> consumer, String topic,
            Map<TopicPartition, Long> from) {
        Map<TopicPartition, Long> ends = endOffsets(consumer, topic);
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        if (ends.isEmpty()) {
            return records;
        }
        Map<TopicPartition, Long> start = new HashMap<>();
        ends.keySet().forEach(tp -> start.put(tp, from == null ? 0L : from.getOrDefault(tp, from.isEmpty() ? 0L : -1L)));
        start.values().removeIf(offset -> offset < 0);
        consumer.assign(start.keySet());
        start.forEach(consumer::seek);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (start.keySet().stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))
                && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
                    records.add(record);
                }
            }
        }
        consumer.assign(List.of());
        return records;
    }

    private KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    private KafkaConsumer<String, byte[]> consumer() {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000), new StringDeserializer(), new ByteArrayDeserializer());
    }
}

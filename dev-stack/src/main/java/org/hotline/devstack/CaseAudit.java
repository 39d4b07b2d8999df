package org.hotline.devstack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the drills check after a fault, only through public interfaces: the services' consumer groups (caught up?),
 * the reporting ledger and KPIs over HTTP, and the event topics on Kafka (read from the beginning, no group).
 */
final class CaseAudit implements AutoCloseable {

    /** The consumer groups of the five services. */
    static final List<String> GROUPS = List.of("intake-service", "routing-service", "escalation-service",
            "feedback-service", "reporting-service");

    private final String bootstrap;
    private final DevTokens tokens;
    private final Admin admin;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    CaseAudit(String bootstrap, DevTokens tokens) {
        this.bootstrap = bootstrap;
        this.tokens = tokens;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                15_000));
    }

    /** Group → records not processed yet on the topics it reads (dead-letter topics left out). */
    Map<String, Long> lags() throws Exception {
        Map<String, ConsumerGroupDescription> groups = admin.describeConsumerGroups(GROUPS).all()
                .get(15, TimeUnit.SECONDS);
        Map<String, Long> lags = new LinkedHashMap<>();
        for (String group : GROUPS) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(15, TimeUnit.SECONDS);
            Set<TopicPartition> partitions = new HashSet<>(committed.keySet());
            groups.get(group).members().forEach(m -> partitions.addAll(m.assignment().topicPartitions()));
            partitions.removeIf(tp -> tp.topic().endsWith(".dlt"));
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            partitions.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
            long lag = 0;
            for (var end : admin.listOffsets(latest).all().get(15, TimeUnit.SECONDS).entrySet()) {
                OffsetAndMetadata offset = committed.get(end.getKey());
                lag += Math.max(0, end.getValue().offset() - (offset == null ? 0 : offset.offset()));
            }
            lags.put(group, lag);
        }
        return lags;
    }

    /**
     * Waits until every group has processed everything published. Gives up after {@code timeout}, or earlier once
     * the total lag has not gone down for {@code stalled}: a slow machine gets all the time it needs as long as the
     * services make progress.
     */
    boolean awaitCaughtUp(Duration timeout, Duration stalled) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long lowest = Long.MAX_VALUE;
        long progressAt = System.nanoTime();
        while (System.nanoTime() < deadline && System.nanoTime() - progressAt < stalled.toNanos()) {
            try {
                long total = lags().values().stream().mapToLong(Long::longValue).sum();
                if (total == 0) {
                    return true;
                }
                if (total < lowest) {
                    lowest = total;
                    progressAt = System.nanoTime();
                }
            }
            catch (Exception ex) {
                // the broker or a group is still coming back
            }
            Thread.sleep(1000);
        }
        return false;
    }

    /** How many consumers the group has now. */
    int members(String group) throws Exception {
        return admin.describeConsumerGroups(List.of(group)).all().get(15, TimeUnit.SECONDS).get(group).members()
                .size();
    }

    /** Waits until the group has {@code count} consumers (after a join or a rebalance); false if time ran out. */
    boolean awaitMembers(String group, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (members(group) == count) {
                    return true;
                }
            }
            catch (Exception ex) {
                // the group is rebalancing
            }
            Thread.sleep(500);
        }
        return false;
    }

    /** {@code opened} of all cases in the reporting KPIs (the default period: the last 30 days). */
    long kpiOpened(String reportingUrl) throws Exception {
        return json.readTree(get(reportingUrl + "/api/reports/kpis", "analyst").body()).path("overall")
                .path("opened").asLong(-1);
    }

    /**
     * The KPIs' opened count once it reached {@code expected}, or after {@code timeout}: the KPIs trail the ledger by
     * the bucket changes waiting to be applied, and after a reporting instance stopped, by the sweep of the instance
     * that took its partitions over.
     */
    long kpiOpened(String reportingUrl, long expected, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        long opened = kpiOpened(reportingUrl);
        while (opened < expected && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            opened = kpiOpened(reportingUrl);
        }
        return opened;
    }

    /** The KPIs' opened count once two readings a few seconds apart agree (the services being idle). */
    long settledKpiOpened(String reportingUrl) throws Exception {
        long opened = kpiOpened(reportingUrl);
        while (true) {
            Thread.sleep(3000);
            long again = kpiOpened(reportingUrl);
            if (again == opened) {
                return opened;
            }
            opened = again;
        }
    }

    /** The cases not (yet) in the ledger, after waiting up to {@code timeout} for all of them. */
    Set<String> notInLedger(String reportingUrl, Collection<String> caseIds, Duration timeout) throws Exception {
        Set<String> missing = new LinkedHashSet<>(caseIds);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (String caseId : List.copyOf(missing)) {
                if (get(reportingUrl + "/api/ledger/" + caseId, "analyst").statusCode() == 200) {
                    missing.remove(caseId);
                }
            }
            if (missing.isEmpty() || System.nanoTime() > deadline) {
                return missing;
            }
            Thread.sleep(1000);
        }
    }

    /** Case id → the distinct CloudEvents ids of its {@code case.opened} records: one per case, however redelivered. */
    Map<String, Set<String>> openedEventIds(Set<String> caseIds) {
        Map<String, Set<String>> ids = new HashMap<>();
        readTopic("case.opened", (record, value) -> {
            if (caseIds.contains(record.key())) {
                ids.computeIfAbsent(record.key(), k -> new HashSet<>()).add(header(record, "ce_id"));
            }
        });
        return ids;
    }

    /**
     * Case id → (milestone/level → distinct escalation ids) from {@code case.escalated}. One timer that fired twice
     * shows as two escalation ids for the same case, milestone and level; the same escalation delivered twice is a
     * harmless redelivery.
     */
    Map<String, Map<String, Set<String>>> escalations(Set<String> caseIds) {
        Map<String, Map<String, Set<String>>> fired = new HashMap<>();
        readTopic("case.escalated", (record, value) -> {
            if (!caseIds.contains(record.key())) {
                return;
            }
            JsonNode event = json.readTree(value);
            fired.computeIfAbsent(record.key(), k -> new HashMap<>())
                    .computeIfAbsent(event.path("milestone").asString() + "/" + event.path("level").asString(),
                            k -> new HashSet<>())
                    .add(event.path("escalationId").asString());
        });
        return fired;
    }

    private void readTopic(String topic, BiConsumer<ConsumerRecord<String, byte[]>, byte[]> each) {
        try (KafkaConsumer<String, byte[]> consumer = consumer(bootstrap)) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))
                    && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> each.accept(record, record.value()));
            }
        }
    }

    static KafkaConsumer<String, byte[]> consumer(String bootstrap) {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000),
                new StringDeserializer(), new ByteArrayDeserializer());
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    HttpResponse<String> get(String url, String client) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + tokens.tokenOf(client)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        admin.close();
    }
}

package org.hotline.reporting.rebuild;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.hotline.events.CloudEventHeaders;
import org.hotline.events.EventFormatException;
import org.hotline.reporting.ledger.Generation;
import org.hotline.reporting.ledger.Generations;
import org.hotline.reporting.ledger.Ledger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Rebuilds the projections: reads every case topic from the beginning into a new generation of collections, then
 * makes it the active one and drops the old one. It reads with a plain consumer that is assigned every partition
 * (no consumer group, so the live consumer's offsets are untouched) up to the end offsets taken when it starts.
 * Meanwhile the live consumer writes every new fact into both generations; facts are idempotent by event id, so a
 * fact both deliver counts once. Records that cannot be read are skipped and counted: the live consumer sent them
 * to the dead-letter topics.
 */
@Service
public class Rebuild implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Rebuild.class);

    /** A rebuild's progress. */
    public record Status(String state, Integer generation, Integer replacedGeneration, long recordsRead,
            long recordsSkipped, Instant startedAt, Instant finishedAt, String error) {
    }

    private final Ledger ledger;
    private final Generations generations;
    private final Clock clock;
    private final String brokers;
    private final List<String> topics;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "ledger-rebuild"));
    private final AtomicReference<Status> status = new AtomicReference<>(
            new Status("IDLE", null, null, 0, 0, null, null, null));
    private volatile boolean stopping;

    Rebuild(Ledger ledger, Generations generations, Clock clock,
            @Value("${spring.cloud.stream.kafka.binder.brokers}") String brokers,
            @Value("${spring.cloud.stream.bindings.recordEvent-in-0.destination}") String topics) {
        this.ledger = ledger;
        this.generations = generations;
        this.clock = clock;
        this.brokers = brokers;
        this.topics = Arrays.stream(topics.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
    }

    public Status status() {
        return status.get();
    }

    /** Starts a rebuild in the background; fails if one runs already. */
    public synchronized Status start() {
        Generation next = generations.startRebuild(clock.instant());
        Status started = new Status("RUNNING", next.number(), null, 0, 0, clock.instant(), null, null);
        status.set(started);
        worker.submit(() -> run(next));
        return started;
    }

    private void run(Generation target) {
        long read = 0;
        long skipped = 0;
        Status s = status.get();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic, Duration.ofSeconds(30))
                        .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
            end.values().removeIf(offset -> offset == 0);
            while (!end.isEmpty() && !stopping) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    Long last = end.get(partition);
                    if (last == null || record.offset() >= last) {
                        continue;
                    }
                    try {
                        ledger.record(target, org.hotline.reporting.ledger.EventRecords.read(type(record),
                                record.value()));
                        read++;
                    }
                    catch (EventFormatException unreadable) {
                        skipped++;
                    }
                }
                end.keySet().removeIf(p -> consumer.position(p) >= end.get(p));
                status.set(new Status("RUNNING", target.number(), null, read, skipped, s.startedAt(), null, null));
            }
            if (stopping) {
                throw new IllegalStateException("stopped before the end of the topics");
            }
            ledger.applyPendingChanges();
            Generation old = generations.switchTo(target, clock.instant());
            ledger.drop(old);
            status.set(new Status("DONE", target.number(), old.number(), read, skipped, s.startedAt(),
                    clock.instant(), null));
            log.info("Rebuilt generation {} from {} records ({} skipped); generation {} dropped", target.number(),
                    read, skipped, old.number());
        }
        catch (RuntimeException ex) {
            generations.abandon();
            ledger.drop(target);
            status.set(new Status("FAILED", target.number(), null, read, skipped, s.startedAt(), clock.instant(),
                    ex.getClass().getSimpleName() + ": " + ex.getMessage()));
            log.warn("Rebuild of generation {} failed", target.number(), ex);
        }
    }

    private KafkaConsumer<String, byte[]> consumer() {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(),
                new ByteArrayDeserializer());
    }

    private static String type(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader(CloudEventHeaders.TYPE);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void destroy() {
        stopping = true;
        worker.shutdown();
    }
}

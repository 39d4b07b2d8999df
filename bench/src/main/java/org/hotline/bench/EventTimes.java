package org.hotline.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the event topics from their current end (no consumer group: it must not disturb the services) and keeps,
 * per topic and case id, the timestamp of the first record: when the event reached Kafka.
 */
final class EventTimes implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<String, Map<String, Long>> firstSeen = new ConcurrentHashMap<>();
    private final AtomicLong records = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    EventTimes(String bootstrap, List<String> topics) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        topics.forEach(topic -> consumer.partitionsFor(topic, Duration.ofSeconds(30))
                .forEach(p -> partitions.add(new TopicPartition(topic, p.partition()))));
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        thread = new Thread(this::run, "bench-event-times");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (running) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                records.incrementAndGet();
                bytes.addAndGet(record.serializedValueSize());
                if (record.key() != null) {
                    firstSeen.computeIfAbsent(record.topic(), t -> new ConcurrentHashMap<>())
                            .putIfAbsent(record.key(), record.timestamp());
                }
            }
        }
        consumer.close(Duration.ofSeconds(5));
    }

    /** When the first record of {@code caseId} appeared on {@code topic} (epoch ms), or null. */
    Long seen(String topic, String caseId) {
        Map<String, Long> byCase = firstSeen.get(topic);
        return byCase == null ? null : byCase.get(caseId);
    }

    long records() {
        return records.get();
    }

    long bytes() {
        return bytes.get();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(10_000);
    }
}

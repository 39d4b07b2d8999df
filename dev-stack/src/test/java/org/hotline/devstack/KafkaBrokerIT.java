package org.hotline.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The in-process KRaft broker takes and serves records, and keeps them across a restart on the same directory. */
class KafkaBrokerIT {

    private static final String TOPIC = "hotline.cases.test";

    @TempDir
    Path dir;

    @Test
    void recordsSurviveARestart() throws Exception {
        int port = ChildJvm.freePort();
        int controllerPort = ChildJvm.freePort();

        try (KafkaBroker broker = new KafkaBroker(dir, port, controllerPort)) {
            assertThat(broker.isFormatted()).isFalse();
            broker.start(Duration.ofSeconds(60));
            assertThat(broker.isFormatted()).isTrue();

            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 6, (short) 1))).all().get(30, TimeUnit.SECONDS);
            }
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig(broker))) {
                producer.send(new ProducerRecord<>(TOPIC, "case-1", "{\"caseId\":\"case-1\"}")).get(30, TimeUnit.SECONDS);
            }
            assertThat(readAll(broker)).containsExactly("case-1={\"caseId\":\"case-1\"}");
        }
        assertThat(Files.exists(dir.resolve("data").resolve("meta.properties"))).isTrue();

        try (KafkaBroker restarted = new KafkaBroker(dir, port, controllerPort)) {
            assertThat(restarted.isFormatted()).isTrue();
            restarted.start(Duration.ofSeconds(60));

            assertThat(readAll(restarted)).containsExactly("case-1={\"caseId\":\"case-1\"}");
        }
    }

    private static Map<String, Object> producerConfig(KafkaBroker broker) {
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    }

    /** Reads the whole topic from the beginning, without a consumer group. */
    private static List<String> readAll(KafkaBroker broker) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<String> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                partitions.clear();
                consumer.partitionsFor(TOPIC).forEach(p -> partitions.add(new TopicPartition(TOPIC, p.partition())));
                return partitions.size() == 6;
            });
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    records.add(record.key() + "=" + record.value());
                }
                return Set.copyOf(partitions).stream().allMatch(p -> consumer.position(p) >= end.get(p));
            });
        }
        return records;
    }
}

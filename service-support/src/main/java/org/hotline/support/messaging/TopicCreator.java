package org.hotline.support.messaging;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.hotline.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the topics a service produces, with the suite's partition count, when the service starts. */
public class TopicCreator {

    private static final Logger log = LoggerFactory.getLogger(TopicCreator.class);

    private final String brokers;
    private final int partitions;
    private final short replicationFactor;

    public TopicCreator(String brokers, int partitions, short replicationFactor) {
        this.brokers = brokers;
        this.partitions = partitions;
        this.replicationFactor = replicationFactor;
    }

    public void create(List<String> topics) {
        if (topics.isEmpty()) {
            return;
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000))) {
            List<NewTopic> newTopics = topics.stream().map(this::newTopic).toList();
            admin.createTopics(newTopics, new CreateTopicsOptions()).values().forEach((topic, future) -> {
                try {
                    future.get(30, TimeUnit.SECONDS);
                    log.info("Created topic {} with {} partitions", topic, partitions);
                }
                catch (ExecutionException ex) {
                    if (!(ex.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Cannot create topic " + topic, ex.getCause());
                    }
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while creating topic " + topic, ex);
                }
                catch (TimeoutException ex) {
                    throw new IllegalStateException("Kafka at " + brokers + " did not answer", ex);
                }
            });
        }
    }

    /** Reference-data topics keep the latest record per key for ever (compacted); case topics use the defaults. */
    private NewTopic newTopic(String topic) {
        NewTopic created = new NewTopic(topic, partitions, replicationFactor);
        if (topic.equals(Topics.CALENDAR_PUBLISHED)) {
            created.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        }
        return created;
    }
}

package org.hotline.support.config;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import org.hotline.events.EventType;
import org.hotline.events.Topics;
import org.hotline.support.messaging.TopicCreator;
import org.hotline.events.EventFormatException;
import org.hotline.support.messaging.EventRetry;
import org.springframework.cloud.stream.annotation.StreamRetryTemplate;
import org.springframework.core.retry.RetryPolicy;
import org.hotline.support.outbox.AggregateRoot;
import org.hotline.support.outbox.OutboxRelay;
import org.hotline.support.web.ProblemHandler;
import org.hotline.support.web.RequestSizeLimit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import org.springframework.cloud.stream.binder.kafka.utils.DlqDestinationResolver;
import org.springframework.cloud.stream.binder.kafka.utils.DlqPartitionFunction;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;
import org.springframework.resilience.annotation.EnableResilientMethods;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** The outbox relay, topic creation and a clock for every Hotline service. */
@AutoConfiguration
@EnableScheduling
@EnableResilientMethods
public class HotlineSupportAutoConfiguration {

    /** The name consumer bindings find their retries under. */
    public static final String EVENT_RETRY = "hotlineEventRetry";

    @Bean
    @ConditionalOnWebApplication
    ProblemHandler problemHandler() {
        return new ProblemHandler();
    }

    @Bean
    @ConditionalOnWebApplication
    FilterRegistrationBean<RequestSizeLimit> requestSizeLimit(
            @Value("${hotline.http.max-request-size:256KB}") DataSize maxRequestSize) {
        FilterRegistrationBean<RequestSizeLimit> registration = new FilterRegistrationBean<>(
                new RequestSizeLimit(maxRequestSize.toBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** Without the database a request fails within seconds (503), not after the driver's default 30 s. */
    @Bean
    MongoClientSettingsBuilderCustomizer failFastWithoutDatabase(
            @Value("${hotline.mongodb.server-selection-timeout:5s}") Duration timeout) {
        return settings -> settings.applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(
                timeout.toMillis(), TimeUnit.MILLISECONDS));
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    Executor outboxExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(2);
        executor.setMaxPoolSize(2);
        executor.setQueueCapacity(10_000);
        executor.setThreadNamePrefix("outbox-");
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(10);
        executor.initialize();
        return executor;
    }

    @Bean
    OutboxRelay outboxRelay(MongoTemplate mongo, MongoMappingContext mappingContext, StreamBridge bridge,
            Executor outboxExecutor, Clock clock, @Value("${hotline.outbox.lease:30s}") Duration lease,
            @Value("${hotline.outbox.batch-size:200}") int batchSize,
            @Value("${hotline.outbox.full-sweep-interval:30s}") Duration fullSweepInterval) {
        List<String> collections = mappingContext.getPersistentEntities().stream()
                .filter(entity -> AggregateRoot.class.isAssignableFrom(entity.getType()))
                .map(entity -> entity.getCollection()).distinct().toList();
        return new OutboxRelay(mongo, bridge, collections, outboxExecutor, clock, lease, batchSize,
                fullSweepInterval);
    }

    @Bean
    OutboxSweep outboxSweep(OutboxRelay relay) {
        return new OutboxSweep(relay);
    }

    @Bean
    AbstractMongoEventListener<AggregateRoot> publishOutboxAfterSave(OutboxRelay relay) {
        return new AbstractMongoEventListener<>() {
            @Override
            public void onAfterSave(AfterSaveEvent<AggregateRoot> event) {
                if (!event.getSource().getOutbox().isEmpty()) {
                    relay.publishSoon(event.getCollectionName(), event.getDocument().get("_id"));
                }
            }
        };
    }

    /**
     * The retries of every consumer binding ({@code retry-template-name} in the hotline defaults): the binder's
     * settings for attempts and back-off, records that cannot be read not retried, and no dead letters while the
     * store is out of reach ({@link EventRetry}).
     */
    @Bean(EVENT_RETRY)
    @StreamRetryTemplate
    EventRetry hotlineEventRetry(@Value("${spring.cloud.stream.default.consumer.max-attempts:4}") int maxAttempts,
            @Value("${spring.cloud.stream.default.consumer.back-off-initial-interval:200}") long initialMillis,
            @Value("${spring.cloud.stream.default.consumer.back-off-multiplier:2.0}") double multiplier,
            @Value("${spring.cloud.stream.default.consumer.back-off-max-interval:2000}") long maxMillis,
            @Value("${hotline.consumers.store-outage-pause:5s}") Duration outagePause) {
        RetryPolicy policy = RetryPolicy.builder().maxRetries(Math.max(0, maxAttempts - 1))
                .delay(Duration.ofMillis(initialMillis)).multiplier(multiplier).maxDelay(Duration.ofMillis(maxMillis))
                .excludes(EventFormatException.class).build();
        return new EventRetry(policy, outagePause);
    }

    /** Every consumer's poison records go to {@code <topic>.<group>.dlt}, whatever binding read them. */
    @Bean
    DlqDestinationResolver deadLetterTopics(@Value("${spring.application.name}") String group) {
        return (record, exception) -> Topics.deadLetter(record.topic(), group);
    }

    /** A dead letter keeps the partition of its record, so the dead-letter topic preserves per-case order. */
    @Bean
    DlqPartitionFunction deadLetterPartitions() {
        return DlqPartitionFunction.ORIGINAL_PARTITION;
    }

    /** Creates the topics the service produces and the dead-letter topics of its consumers. */
    @Bean
    ApplicationRunner createTopics(@Value("${spring.application.name}") String service,
            @Value("${spring.cloud.stream.kafka.binder.brokers}") String brokers,
            @Value("${hotline.topics.partitions:" + Topics.DEFAULT_PARTITIONS + "}") int partitions,
            @Value("${hotline.topics.replication-factor:1}") short replicationFactor,
            BindingServiceProperties bindings) {
        List<String> topics = new ArrayList<>(Arrays.stream(EventType.values())
                .filter(type -> Arrays.asList(type.producers()).contains(service)).map(EventType::topic).toList());
        bindings.getBindings().values().stream()
                .filter(binding -> binding.getGroup() != null && binding.getDestination() != null)
                .forEach(binding -> Arrays.stream(binding.getDestination().split(","))
                        .map(topic -> Topics.deadLetter(topic.trim(), binding.getGroup())).forEach(topics::add));
        return args -> new TopicCreator(brokers, partitions, replicationFactor).create(topics);
    }

    /**
     * Publishes whatever the immediate publication missed: at start-up (after a crash), after a failed publication
     * (Kafka or the store away) and every {@code hotline.outbox.full-sweep-interval} (another instance's crash).
     */
    static class OutboxSweep {

        private final OutboxRelay relay;

        OutboxSweep(OutboxRelay relay) {
            this.relay = relay;
        }

        private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(OutboxSweep.class);

        @Scheduled(fixedDelayString = "${hotline.outbox.sweep-interval:1s}")
        void sweep() {
            try {
                relay.sweepIfDue();
            }
            catch (RuntimeException ex) {
                // the store or Kafka is away (or the service is stopping): the events wait in their documents
                log.warn("Outbox sweep postponed: {}", ex.getMessage());
            }
        }
    }
}

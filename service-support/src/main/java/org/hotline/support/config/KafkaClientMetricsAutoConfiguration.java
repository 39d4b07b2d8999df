package org.hotline.support.config;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.cloud.stream.binder.kafka.config.ClientFactoryCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Leaves the Kafka clients' own meters out of the metrics unless {@code hotline.kafka.client-metrics=true}.
 * <p>
 * The Kafka binder would bind every client metric of every consumer and producer (hundreds per consumer, one per
 * partition for lag and fetch rates) and Micrometer re-checks all of them against the registry periodically: with
 * a consumer per thread and topic group that took a third of a busy reporting-service's CPU. The binder's own
 * consumer-lag gauge ({@code spring.cloud.stream.binder.kafka.offset}), the listener and HTTP meters stay.
 */
@AutoConfiguration
@ConditionalOnClass(ClientFactoryCustomizer.class)
public class KafkaClientMetricsAutoConfiguration {

    /** Takes the place of the binder's customizer of the same name, which adds the Micrometer listeners. */
    @Bean(name = "binderClientFactoryCustomizer")
    @ConditionalOnProperty(name = "hotline.kafka.client-metrics", havingValue = "false", matchIfMissing = true)
    ClientFactoryCustomizer binderClientFactoryCustomizer() {
        return new ClientFactoryCustomizer() {
        };
    }
}

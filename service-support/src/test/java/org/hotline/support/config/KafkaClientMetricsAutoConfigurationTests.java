package org.hotline.support.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cloud.stream.binder.kafka.config.ClientFactoryCustomizer;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;

class KafkaClientMetricsAutoConfigurationTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KafkaClientMetricsAutoConfiguration.class));

    @Test
    void byDefaultTheBindersClientFactoriesGetNoMeterListeners() {
        context.run(ready -> {
            ClientFactoryCustomizer customizer = ready.getBean("binderClientFactoryCustomizer",
                    ClientFactoryCustomizer.class);
            DefaultKafkaConsumerFactory<Object, Object> consumers = new DefaultKafkaConsumerFactory<>(Map.of());
            DefaultKafkaProducerFactory<Object, Object> producers = new DefaultKafkaProducerFactory<>(Map.of());

            customizer.configure(consumers);
            customizer.configure(producers);

            assertThat(consumers.getListeners()).isEmpty();
            assertThat(producers.getListeners()).isEmpty();
        });
    }

    @Test
    void clientMetricsTurnedOnLeaveTheBindersOwnCustomizerInPlace() {
        context.withPropertyValues("hotline.kafka.client-metrics=true")
                .run(ready -> assertThat(ready).doesNotHaveBean("binderClientFactoryCustomizer"));
    }
}

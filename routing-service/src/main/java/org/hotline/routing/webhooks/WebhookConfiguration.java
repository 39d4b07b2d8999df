package org.hotline.routing.webhooks;

import java.util.concurrent.Executor;

import org.hotline.routing.config.RoutingProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

    /** Webhook calls run here, never on a Kafka consumer thread. */
    @Bean
    Executor webhookExecutor(RoutingProperties properties) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(properties.webhooks().threads());
        executor.setMaxPoolSize(properties.webhooks().threads());
        executor.setQueueCapacity(10_000);
        executor.setThreadNamePrefix("webhook-");
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(10);
        executor.initialize();
        return executor;
    }
}

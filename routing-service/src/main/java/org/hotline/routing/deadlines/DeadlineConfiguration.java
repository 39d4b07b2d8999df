package org.hotline.routing.deadlines;

import org.hotline.routing.calendar.DeadlinePolicy;
import org.hotline.routing.config.RoutingProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The deadline policy from the defaults and {@code hotline.routing.deadlines}; a bad override stops start-up. */
@Configuration(proxyBeanMethods = false)
class DeadlineConfiguration {

    @Bean
    DeadlinePolicy deadlinePolicy(RoutingProperties properties) {
        RoutingProperties.Deadlines d = properties.deadlines();
        try {
            return DeadlinePolicy.configured(d.urgency(), d.kind(), d.category());
        }
        catch (IllegalArgumentException ex) {
            throw new IllegalStateException("hotline.routing.deadlines: " + ex.getMessage(), ex);
        }
    }
}

package org.hotline.routing.config;

import org.hotline.routing.rules.RoutingRules;
import org.hotline.routing.rules.RuleTable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RoutingProperties.class)
class RoutingConfiguration {

    /** The built-in rule table for the standard taxonomy. */
    @Bean
    RuleTable ruleTable() {
        RoutingRules defaults = RoutingRules.defaults();
        return () -> defaults;
    }
}

package org.hotline.intake.ratelimit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    /** Applies to every way a case comes in: the JSON API and Open311. */
    @Bean
    FilterRegistrationBean<ClientRateLimit> clientRateLimit(RateLimitProperties properties) {
        FilterRegistrationBean<ClientRateLimit> registration = new FilterRegistrationBean<>(
                new ClientRateLimit(properties));
        registration.addUrlPatterns("/api/cases", "/open311/*");
        return registration;
    }

    /** Sheds load beyond what the store can take, after the per-client limit. */
    @Bean
    FilterRegistrationBean<IntakeCapacity> intakeCapacity(
            @Value("${hotline.intake.max-concurrent-cases:64}") int maxConcurrent) {
        FilterRegistrationBean<IntakeCapacity> registration = new FilterRegistrationBean<>(
                new IntakeCapacity(maxConcurrent));
        registration.addUrlPatterns("/api/cases", "/open311/*");
        return registration;
    }
}

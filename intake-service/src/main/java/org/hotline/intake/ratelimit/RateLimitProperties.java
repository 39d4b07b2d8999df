package org.hotline.intake.ratelimit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many cases one front-desk client may post per period before it is told to slow down (429). A client is
 * identified by its {@code X-Client-Id} header, or else by its address. At most {@code maxClients} clients are
 * tracked at once; the least recently seen are forgotten first.
 */
@ConfigurationProperties("hotline.intake.rate-limit")
public record RateLimitProperties(int requestsPerPeriod, Duration period, int maxClients) {

    public RateLimitProperties {
        if (requestsPerPeriod <= 0) {
            requestsPerPeriod = 20;
        }
        if (maxClients <= 0) {
            maxClients = 10_000;
        }
        if (period == null) {
            period = Duration.ofSeconds(1);
        }
    }
}

package org.hotline.escalation.timers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** A clock the tests move forward; it never goes back, so timers of earlier tests never come due again. */
final class MovableClock extends Clock {

    private volatile Instant now = Instant.now();

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("UTC only");
    }

    @Override
    public Instant instant() {
        return now;
    }

    synchronized void moveTo(Instant instant) {
        if (instant.isBefore(now)) {
            throw new IllegalArgumentException("The test clock only moves forward: " + now + " → " + instant);
        }
        now = instant;
    }

    void advance(Duration by) {
        moveTo(now.plus(by));
    }

    /** Gives every test its own stretch of time. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Config {

        @Bean
        MovableClock clock() {
            return new MovableClock();
        }
    }
}

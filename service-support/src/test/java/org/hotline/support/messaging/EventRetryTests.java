package org.hotline.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.hotline.events.EventFormatException;
import org.junit.jupiter.api.Test;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.Retryable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.messaging.MessageHandlingException;

import com.mongodb.MongoTimeoutException;

class EventRetryTests {

    private final EventRetry retry = new EventRetry(RetryPolicy.builder().maxRetries(3).delay(Duration.ofMillis(1))
            .excludes(EventFormatException.class).build(), Duration.ofMillis(1));

    private final AtomicInteger attempts = new AtomicInteger();

    private Retryable<String> failing(int times, RuntimeException failure) {
        return () -> {
            if (attempts.incrementAndGet() <= times) {
                throw failure;
            }
            return "handled";
        };
    }

    @Test
    void anUnreadableRecordIsNotTriedAgain() {
        assertThatThrownBy(() -> retry.execute(failing(100, new EventFormatException("not JSON", null))))
                .isInstanceOf(RetryException.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void anotherFailureIsTriedFourTimesThenGivenUpForTheDeadLetterTopic() {
        assertThatThrownBy(() -> retry.execute(failing(100, new IllegalStateException("no such department"))))
                .isInstanceOf(RetryException.class);
        assertThat(attempts).hasValue(4);
    }

    @Test
    void anEventMetByAStoreOutageIsTriedUntilTheStoreIsBack() throws Exception {
        RuntimeException away = new MessageHandlingException(null, new DataAccessResourceFailureException(
                "Timed out", new MongoTimeoutException("no server")));

        assertThat(retry.execute(failing(25, away))).isEqualTo("handled");
        assertThat(attempts).hasValue(26);
    }

    @Test
    void storeOutagesAreRecognisedAnywhereInTheCauses() {
        assertThat(EventRetry.storeAway(new RuntimeException(new MongoTimeoutException("no server")))).isTrue();
        assertThat(EventRetry.storeAway(new IllegalStateException("bug"))).isFalse();
    }
}

package org.hotline.routing.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.hotline.routing.MovableClock;
import org.junit.jupiter.api.Test;

class ReferenceDataTests {

    final MovableClock clock = new MovableClock(Instant.parse("2026-11-24T02:00:00Z"));
    final AtomicInteger stored = new AtomicInteger(1);
    final List<Integer> readsGivenPrevious = new ArrayList<>();
    final ReferenceData<Integer> data = new ReferenceData<>(clock, Duration.ofSeconds(5), previous -> {
        readsGivenPrevious.add(previous);
        return stored.get();
    });

    @Test
    void whenReadWithinTheTtlThenTheStoreIsReadOnce() {
        assertThat(data.get()).isEqualTo(1);
        stored.set(2);
        clock.move(Duration.ofMillis(4999));

        assertThat(data.get()).isEqualTo(1);
        assertThat(readsGivenPrevious).containsExactly((Integer) null);
    }

    @Test
    void whenTheTtlHasPassedThenTheStoreIsReadAgainGivenThePreviousValue() {
        data.get();
        stored.set(2);
        clock.move(Duration.ofSeconds(5));

        assertThat(data.get()).isEqualTo(2);
        assertThat(readsGivenPrevious).containsExactly(null, 1);
    }

    @Test
    void whenInvalidatedThenTheNextReadSeesTheChangeAtOnce() {
        data.get();
        stored.set(2);

        data.invalidate();

        assertThat(data.get()).isEqualTo(2);
    }

    @Test
    void whenTheClockIsSetBackThenTheSnapshotIsReadAgain() {
        data.get();
        stored.set(2);

        clock.move(Duration.ofMinutes(-10));

        assertThat(data.get()).isEqualTo(2);
    }

    @Test
    void whenAReadRacesWithAnInvalidationThenItsValueIsNotKept() {
        AtomicInteger reads = new AtomicInteger();
        ReferenceData<Integer>[] racing = new ReferenceData[1];
        racing[0] = new ReferenceData<>(clock, Duration.ofSeconds(5), previous -> {
            int value = stored.get();
            if (reads.incrementAndGet() == 1) {
                // another thread changes the data and invalidates while this read is under way
                stored.set(2);
                racing[0].invalidate();
            }
            return value;
        });

        assertThat(racing[0].get()).isEqualTo(1);
        assertThat(racing[0].get()).isEqualTo(2);
        assertThat(reads).hasValue(2);
    }
}

package org.hotline.escalation.timers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class DueTimersTests {

    static final Instant T0 = Instant.parse("2026-11-23T00:00:00Z");

    @Test
    void whenTimersAreOfferedThenTheyComeOutWhenDueInDueOrderThenIdOrder() {
        DueTimers due = new DueTimers();
        due.offer("c", T0.plusSeconds(20));
        due.offer("b", T0.plusSeconds(10));
        due.offer("a", T0.plusSeconds(10));

        assertThat(due.pollDue(T0.plusSeconds(9))).isNull();
        assertThat(due.pollDue(T0.plusSeconds(15))).isEqualTo("a");
        assertThat(due.pollDue(T0.plusSeconds(15))).isEqualTo("b");
        assertThat(due.pollDue(T0.plusSeconds(15))).isNull();
        assertThat(due.pollDue(T0.plusSeconds(20))).isEqualTo("c");
        assertThat(due.pollDue(T0.plusSeconds(60))).isNull();
    }

    @Test
    void whenATimerIsOfferedTwiceThenItIsHeldOnceAtTheEarlierTime() {
        DueTimers due = new DueTimers();
        due.offer("a", T0.plusSeconds(30));
        due.offer("a", T0.plusSeconds(10));
        due.offer("a", T0.plusSeconds(50));

        assertThat(due.pollDue(T0.plusSeconds(10))).isEqualTo("a");
        assertThat(due.pollDue(T0.plusSeconds(60))).isNull();
    }
}

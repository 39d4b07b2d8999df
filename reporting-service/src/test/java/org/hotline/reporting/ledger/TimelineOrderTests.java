package org.hotline.reporting.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.hotline.events.EventType;
import org.junit.jupiter.api.Test;

class TimelineOrderTests {

    static final Instant T = Instant.parse("2026-11-23T02:00:00Z");

    static LedgerCase.Entry entry(String id, EventType type, Instant at) {
        return new LedgerCase.Entry(id, type.cloudEventType(), at, "feedback-service", "", null);
    }

    @Test
    void whenEventsHappenAtTheSameInstantThenTheTimelineFollowsTheCasesLifeWhateverTheirIds() {
        // the closing caused by a callback is stamped with the callback's instant; its id may sort first
        List<LedgerCase.Entry> entries = new ArrayList<>(List.of(entry("0000", EventType.CASE_CLOSED, T),
                entry("ffff", EventType.CALLBACK_COMPLETED, T), entry("5555", EventType.CASE_RESOLVED,
                        T.minusSeconds(60))));

        entries.sort(LedgerCase.CHRONOLOGICAL);

        assertThat(entries).extracting(LedgerCase.Entry::eventId).containsExactly("5555", "ffff", "0000");
    }
}

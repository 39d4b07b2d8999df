package org.hotline.reporting.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.hotline.events.HotlineEvent;
import org.hotline.events.intake.CaseOpened;
import org.junit.jupiter.api.Test;

class StoredFactTests {

    static final Instant T0 = Instant.parse("2026-11-02T01:30:00Z");

    @Test
    void whenFactsAreStoredThenNoCallerDataIsKept() {
        List<HotlineEvent> flow = new java.util.ArrayList<>(CaseFlows.satisfied("c-1", T0));
        flow.addAll(CaseFlows.troubled("c-2", T0));

        String stored = flow.stream().map(StoredFact::of).map(StoredFact::toString).reduce("", String::concat);

        assertThat(stored).doesNotContain(CaseFlows.CALLER_NAME_MASKED, CaseFlows.CALLER_PHONE_MASKED,
                "l***@example.org", "cr-5b2f", "c2VhbGVk", CaseFlows.ADDRESS, "Li Si", "13900139000",
                "Rubbish not collected", "Zhang", "Still broken");
    }

    @Test
    void whenAnOpeningFactIsStoredThenItsKeywordsAreKeptAndItReadsBackWithoutTheDescription() {
        StoredFact fact = StoredFact.of(CaseFlows.satisfied("c-1", T0).get(0));

        CaseOpened back = (CaseOpened) fact.event();

        assertThat(fact.keywords()).contains("rubbish", "collected").doesNotContain("13900139000");
        assertThat(back.description()).isNull();
        assertThat(back.location().area()).isEqualTo("110101");
        assertThat(back.caller().anonymous()).isFalse();
        assertThat(back.trackingNumber()).isEqualTo("HL-20261123-000042");
    }
}

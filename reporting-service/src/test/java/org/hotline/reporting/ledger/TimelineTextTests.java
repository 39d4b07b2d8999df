package org.hotline.reporting.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.hotline.events.EventEnvelope;
import org.hotline.events.HotlineEvent;
import org.hotline.events.feedback.CaseReopened;
import org.hotline.events.intake.CaseOpened;
import org.hotline.events.routing.CaseProgressed;
import org.junit.jupiter.api.Test;

class TimelineTextTests {

    static final Instant T0 = Instant.parse("2026-11-23T01:30:00Z");

    @Test
    void whenEveryFactOfAFlowIsDescribedThenNoLineIsEmpty() {
        List<HotlineEvent> facts = new java.util.ArrayList<>(CaseFlows.satisfied("c-1", T0));
        facts.addAll(CaseFlows.troubled("c-2", T0));

        assertThat(facts).allSatisfy(fact -> assertThat(TimelineText.summary(fact)).isNotBlank());
    }

    @Test
    void whenACaseIsOpenedThenTheLineNamesItsClassificationButNotWhatTheCallerSaid() {
        CaseOpened opened = CaseFlows.opened("c-1", T0, java.time.Duration.ofSeconds(5));

        String line = TimelineText.summary(opened);

        assertThat(line).isEqualTo("Opened HL-20261123-000042 via PHONE: COMPLAINT, PUBLIC_HEALTH/SANITATION, "
                + "urgency NORMAL");
        assertThat(line).doesNotContain("number 5");
        assertThat(TimelineText.department(opened)).isNull();
    }

    @Test
    void whenTheCallerExplainsADissatisfactionThenTheLineLeavesItOut() {
        CaseReopened reopened = new CaseReopened(EventEnvelope.first("c-1", T0, "feedback-service"), "DISTRICT_OFFICE",
                "My neighbour Zhang still parks there", 2, false);

        assertThat(TimelineText.summary(reopened)).isEqualTo("Reopened (2), back to DISTRICT_OFFICE");
    }

    @Test
    void whenADepartmentWritesALongNoteThenTheLineKeepsItShortOnOneLine() {
        CaseProgressed progressed = new CaseProgressed(EventEnvelope.first("c-1", T0, "routing-service"), "a-1",
                "DISTRICT_OFFICE", "Team\non site. " + "x".repeat(500), null);

        String line = TimelineText.summary(progressed);

        assertThat(line).startsWith("Progress from DISTRICT_OFFICE: Team on site. ").doesNotContain("\n")
                .endsWith("…");
        assertThat(line.length()).isLessThan(200);
        assertThat(TimelineText.department(progressed)).isEqualTo("DISTRICT_OFFICE");
    }
}

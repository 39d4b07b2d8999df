package org.hotline.feedback.casefeedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.hotline.events.CaseKind;
import org.hotline.events.Channel;
import org.hotline.events.EventEnvelope;
import org.hotline.events.Urgency;
import org.hotline.events.feedback.CaseResolved;
import org.hotline.events.feedback.ResolutionOutcome;
import org.hotline.events.intake.CallerProfile;
import org.hotline.events.intake.CaseOpened;
import org.hotline.feedback.lifecycle.CaseLifecycle;
import org.junit.jupiter.api.Test;

class RecentCasesTests {

    private final RecentCases recent = new RecentCases(properties(2));

    @Test
    void whenACaseIsTakenThenItIsHandedOutOnceUntilItIsRememberedAgain() {
        FeedbackCase c = FeedbackCase.first("case-1");
        recent.remember(c);

        assertThat(recent.take("case-1")).containsSame(c);
        assertThat(recent.take("case-1")).isEmpty();

        recent.remember(c);
        recent.forget("case-1");
        assertThat(recent.take("case-1")).isEmpty();
    }

    @Test
    void whenMoreCasesAreRememberedThanItKeepsThenTheLeastRecentlySavedIsDropped() {
        recent.remember(FeedbackCase.first("case-1"));
        recent.remember(FeedbackCase.first("case-2"));
        recent.remember(FeedbackCase.first("case-1"));
        recent.remember(FeedbackCase.first("case-3"));

        assertThat(recent.take("case-2")).isEmpty();
        assertThat(recent.take("case-1")).isPresent();
        assertThat(recent.take("case-3")).isPresent();
    }

    @Test
    void whenACaseHasEventsWaitingForTheRelayThenItIsNotKept() {
        FeedbackCase closed = anonymousCaseAnsweredOnTheSpot();
        recent.remember(FeedbackCase.first(closed.getId()));

        recent.remember(closed);

        assertThat(closed.getOutbox()).isNotEmpty();
        assertThat(recent.take(closed.getId())).isEmpty();
    }

    @Test
    void whenNoneAreToBeKeptThenNothingIsKept() {
        RecentCases none = new RecentCases(properties(0));

        none.remember(FeedbackCase.first("case-1"));

        assertThat(none.take("case-1")).isEmpty();
    }

    private static FeedbackCase anonymousCaseAnsweredOnTheSpot() {
        CaseLifecycle lifecycle = new CaseLifecycle(2, 3);
        String caseId = UUID.randomUUID().toString();
        CaseOpened opened = new CaseOpened(EventEnvelope.first(caseId, Instant.now(), "intake-service"),
                "HL-20261124-000001", Channel.PHONE, CaseKind.CONSULTATION, "PUBLIC_HEALTH", "VACCINATION",
                Urgency.NORMAL, "Vaccines?", null, new CallerProfile(null, true, null), false, "op-1", null, null,
                null, null, Instant.now(), List.of());
        FeedbackCase c = FeedbackCase.first(caseId);
        c.opened(opened, lifecycle);
        c.resolvedElsewhere(new CaseResolved(EventEnvelope.causedBy(opened.envelope(), Instant.now(),
                "intake-service"), null, ResolutionOutcome.ANSWERED, "Free at the clinic", null, null, null, null,
                null, null, true), lifecycle);
        return c;
    }

    private static FeedbackProperties properties(int recentCases) {
        return new FeedbackProperties(2, 3, ZoneId.of("Asia/Shanghai"), Duration.ofSeconds(1),
                Duration.ofMinutes(2), Duration.ofSeconds(30), recentCases);
    }
}

package org.hotline.feedback.casefeedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.hotline.events.CaseKind;
import org.hotline.events.Channel;
import org.hotline.events.EventCodec;
import org.hotline.events.EventEnvelope;
import org.hotline.events.EventType;
import org.hotline.events.FeedbackChannel;
import org.hotline.events.HotlineEvent;
import org.hotline.events.Satisfaction;
import org.hotline.events.Urgency;
import org.hotline.events.feedback.CaseClosed;
import org.hotline.events.feedback.CaseOutcome;
import org.hotline.events.feedback.CaseReopened;
import org.hotline.events.feedback.CaseResolved;
import org.hotline.events.intake.CallerProfile;
import org.hotline.events.intake.CaseOpened;
import org.hotline.events.routing.CaseAssigned;
import org.hotline.feedback.lifecycle.CaseLifecycle;
import org.hotline.feedback.lifecycle.CaseRuleViolation;
import org.hotline.feedback.lifecycle.CaseState;
import org.hotline.support.outbox.OutboxMessage;
import org.junit.jupiter.api.Test;

class FeedbackCaseTests {

    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");

    private final CaseLifecycle lifecycle = new CaseLifecycle(2);
    private final String caseId = UUID.randomUUID().toString();
    private final CaseOpened opened = new CaseOpened(EventEnvelope.first(caseId, NOW, "intake-service"),
            "HL-20261123-000007", Channel.PHONE, CaseKind.COMPLAINT, "LIVING", "UTILITIES", Urgency.NORMAL,
            "Heating off", null, new CallerProfile("cr-7", false, FeedbackChannel.SMS), false, "op-1", null, null,
            null, null, NOW, List.of());
    private final CaseAssigned assigned = new CaseAssigned(EventEnvelope.causedBy(opened.envelope(), NOW,
            "routing-service"), caseId + "-A1", "FACILITIES", List.of(), CaseKind.COMPLAINT, Urgency.NORMAL, "LIVING",
            "r-living", 1, null, 0);

    @Test
    void whenTheAssignmentArrivesBeforeTheOpeningThenTheCaseEndsAsIfInOrder() {
        // given
        FeedbackCase inOrder = FeedbackCase.first(caseId);
        FeedbackCase reversed = FeedbackCase.first(caseId);

        // when
        inOrder.opened(opened, lifecycle);
        inOrder.assigned(assigned, lifecycle);
        reversed.assigned(assigned, lifecycle);
        reversed.opened(opened, lifecycle);

        // then
        for (FeedbackCase c : List.of(inOrder, reversed)) {
            assertThat(c.getState()).isEqualTo(CaseState.ASSIGNED);
            assertThat(c.getTrackingNumber()).isEqualTo("HL-20261123-000007");
            assertThat(c.getDepartmentCode()).isEqualTo("FACILITIES");
            assertThat(c.getCorrelationId()).isEqualTo(opened.envelope().correlationId());
            assertThat(c.getCaller()).isEqualTo(new FeedbackCase.Caller("cr-7", false, FeedbackChannel.SMS, null, null, null));
            assertThat(c.getOutbox()).isEmpty();
        }
    }

    @Test
    void whenTheSameEventIsDeliveredTwiceThenOnlyTheFirstDeliveryCounts() {
        // given
        FeedbackCase c = FeedbackCase.first(caseId);

        // when
        boolean first = c.firstDelivery(assigned.eventId());
        boolean again = c.firstDelivery(assigned.eventId());

        // then
        assertThat(first).isTrue();
        assertThat(again).isFalse();
    }

    @Test
    void whenTheDepartmentReportsThenCaseResolvedWaitsInTheOutboxInTheCaseFlow() {
        // given
        FeedbackCase c = assignedCase();

        // when
        c.reportResult(lifecycle, "FACILITIES", "Boiler repaired", "Replaced the pump", NOW, "request-1");

        // then
        assertThat(c.getState()).isEqualTo(CaseState.RESOLVED);
        assertThat(c.getResolvedAt()).isEqualTo(NOW);
        CaseResolved resolved = only(c, CaseResolved.class);
        assertThat(resolved.onTheSpot()).isFalse();
        assertThat(resolved.departmentCode()).isEqualTo("FACILITIES");
        assertThat(resolved.envelope().source()).isEqualTo("feedback-service");
        assertThat(resolved.envelope().correlationId()).isEqualTo(opened.envelope().correlationId());
        assertThat(resolved.envelope().causationId()).isEqualTo("request-1");
    }

    @Test
    void whenTheCallerIsUnsatisfiedThenTheCaseGoesBackToTheSameDepartmentWithTheReason() {
        // given
        FeedbackCase c = assignedCase();
        c.reportResult(lifecycle, "FACILITIES", "Boiler repaired", null, NOW, "request-1");

        // when
        c.callback(lifecycle, Satisfaction.UNSATISFIED, "Still cold at night", "op-2", NOW, "request-2");

        // then
        assertThat(c.getState()).isEqualTo(CaseState.REOPENED);
        assertThat(c.getReopenCount()).isEqualTo(1);
        CaseReopened reopened = only(c, CaseReopened.class);
        assertThat(reopened.departmentCode()).isEqualTo("FACILITIES");
        assertThat(reopened.reason()).isEqualTo("Still cold at night");
        assertThat(reopened.reopenCount()).isEqualTo(1);
        assertThat(c.getOutbox()).extracting(OutboxMessage::type).containsExactly("org.hotline.case.resolved.v1",
                "org.hotline.callback.completed.v1", "org.hotline.case.reopened.v1");
        assertThat(reopened.envelope().causationId()).isEqualTo(c.getOutbox().get(1).eventId());
    }

    @Test
    void whenAReopenedCaseIsResolvedAgainThenTheResultCountsAsTheNextRound() {
        // given
        FeedbackCase c = assignedCase();
        c.reportResult(lifecycle, "FACILITIES", "Boiler repaired", null, NOW, "request-1");
        c.callback(lifecycle, Satisfaction.UNSATISFIED, "Still cold", "op-2", NOW, "request-2");

        // when
        c.reportResult(lifecycle, "FACILITIES", "Radiators bled", null, NOW, "request-3");

        // then
        assertThat(c.getState()).isEqualTo(CaseState.RESOLVED);
        assertThat(c.getResults()).extracting(FeedbackCase.Result::round).containsExactly(0, 1);
    }

    @Test
    void whenTheCallerIsSatisfiedThenTheCaseIsClosed() {
        // given
        FeedbackCase c = assignedCase();
        c.reportResult(lifecycle, "FACILITIES", "Boiler repaired", null, NOW, "request-1");
        c.deliverFeedback(lifecycle, null, "op-2", NOW, "request-2");

        // when
        c.callback(lifecycle, Satisfaction.BASICALLY_SATISFIED, null, "op-2", NOW, "request-3");

        // then
        assertThat(c.getState()).isEqualTo(CaseState.CLOSED);
        assertThat(c.getOutcome()).isEqualTo(CaseOutcome.SATISFIED);
        assertThat(c.getFeedback()).singleElement().extracting(FeedbackCase.Feedback::channel)
                .isEqualTo(FeedbackChannel.SMS);
        assertThat(only(c, CaseClosed.class).outcome()).isEqualTo(CaseOutcome.SATISFIED);
    }

    @Test
    void whenAnsweredOnTheSpotThenTheAnswerIsTheResultAndALaterAssignmentKeepsItResolved() {
        // given
        FeedbackCase c = FeedbackCase.first(caseId);
        CaseResolved onTheSpot = new CaseResolved(EventEnvelope.causedBy(opened.envelope(), NOW, "intake-service"),
                null, "Office hours are 9 to 5", null, true);

        // when
        c.resolvedElsewhere(onTheSpot, lifecycle);
        c.assigned(assigned, lifecycle);
        c.opened(opened, lifecycle);

        // then
        assertThat(c.getState()).isEqualTo(CaseState.RESOLVED);
        assertThat(c.getResults()).singleElement().satisfies(r -> {
            assertThat(r.onTheSpot()).isTrue();
            assertThat(r.summary()).isEqualTo("Office hours are 9 to 5");
        });
        assertThat(c.getOutbox()).isEmpty();
    }

    @Test
    void whenARefusedActionIsTriedThenTheCaseIsUnchanged() {
        // given
        FeedbackCase c = assignedCase();

        // when / then
        assertThatThrownBy(() -> c.reportResult(lifecycle, "HOUSING", "Done", null, NOW, "request-1"))
                .isInstanceOf(CaseRuleViolation.class);
        assertThat(c.getState()).isEqualTo(CaseState.ASSIGNED);
        assertThat(c.getResults()).isEmpty();
        assertThat(c.getOutbox()).isEmpty();
    }

    @Test
    void whenARequestIsRepeatedWithItsKeyThenItIsRecognised() {
        FeedbackCase c = assignedCase();

        assertThat(c.firstRequest("key-1")).isTrue();
        assertThat(c.firstRequest("key-1")).isFalse();
        assertThat(c.firstRequest("key-2")).isTrue();
    }

    private FeedbackCase assignedCase() {
        FeedbackCase c = FeedbackCase.first(caseId);
        c.opened(opened, lifecycle);
        c.assigned(assigned, lifecycle);
        return c;
    }

    private static <T extends HotlineEvent> T only(FeedbackCase c, Class<T> type) {
        String ceType = EventType.of(type).cloudEventType();
        List<OutboxMessage> found = c.getOutbox().stream().filter(m -> m.type().equals(ceType)).toList();
        assertThat(found).as("outbox entries of type %s", ceType).hasSize(1);
        return EventCodec.decode(found.get(0).payload(), type);
    }
}

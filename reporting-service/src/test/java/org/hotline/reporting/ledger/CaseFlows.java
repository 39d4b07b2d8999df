package org.hotline.reporting.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.hotline.events.CaseKind;
import org.hotline.events.Channel;
import org.hotline.events.EventEnvelope;
import org.hotline.events.FeedbackChannel;
import org.hotline.events.HotlineEvent;
import org.hotline.events.Satisfaction;
import org.hotline.events.Urgency;
import org.hotline.events.escalation.CaseEscalated;
import org.hotline.events.escalation.EscalationReason;
import org.hotline.events.feedback.CallbackCompleted;
import org.hotline.events.feedback.CaseClosed;
import org.hotline.events.feedback.CaseOutcome;
import org.hotline.events.feedback.CaseReopened;
import org.hotline.events.feedback.CaseResolved;
import org.hotline.events.feedback.FeedbackDelivered;
import org.hotline.events.intake.CallerProfile;
import org.hotline.events.intake.CaseOpened;
import org.hotline.events.routing.AssignmentRejected;
import org.hotline.events.routing.CaseAccepted;
import org.hotline.events.routing.CaseAssigned;
import org.hotline.events.routing.CaseProgressed;
import org.hotline.events.routing.Deadlines;

/** Whole case flows, as the other services would publish them. */
final class CaseFlows {

    static final Duration MINUTE = Duration.ofMinutes(1);
    static final Duration HOUR = Duration.ofHours(1);
    static final Duration DAY = Duration.ofDays(1);

    private CaseFlows() {
    }

    /** A phone complaint answered after 5 s, handled in time, fed back, caller satisfied, closed. */
    static List<HotlineEvent> satisfied(String caseId, Instant t0) {
        CaseOpened opened = opened(caseId, t0, Duration.ofSeconds(5));
        return List.of(opened,
                assigned(opened, t0.plus(MINUTE), "a-1", "SANITATION_BUREAU", t0.plus(Duration.ofDays(5))),
                new CaseAccepted(next(opened, t0.plus(MINUTE.multipliedBy(10)), "routing-service"), "a-1",
                        "SANITATION_BUREAU", "h-12"),
                new CaseResolved(next(opened, t0.plus(DAY), "feedback-service"), "SANITATION_BUREAU",
                        "Rubbish collected", "Extra round on Mondays", false),
                new FeedbackDelivered(next(opened, t0.plus(DAY).plus(HOUR), "feedback-service"), FeedbackChannel.SMS,
                        "op-7"),
                new CallbackCompleted(next(opened, t0.plus(DAY.multipliedBy(2)), "feedback-service"),
                        Satisfaction.SATISFIED, "op-11"),
                new CaseClosed(next(opened, t0.plus(DAY.multipliedBy(2)).plus(MINUTE), "feedback-service"),
                        CaseOutcome.SATISFIED));
    }

    /**
     * A call answered after 30 s; the first department refuses it, the second is late and escalated, the caller is
     * not satisfied and the case goes back to the second department, which has not finished yet.
     */
    static List<HotlineEvent> troubled(String caseId, Instant t0) {
        CaseOpened opened = opened(caseId, t0, Duration.ofSeconds(30));
        return List.of(opened,
                assigned(opened, t0.plus(MINUTE), "a-1", "HOUSING_OFFICE", t0.plus(DAY)),
                new AssignmentRejected(next(opened, t0.plus(HOUR), "routing-service"), "a-1", "HOUSING_OFFICE",
                        "Not our district"),
                assigned(opened, t0.plus(HOUR.multipliedBy(2)), "a-2", "DISTRICT_OFFICE", t0.plus(DAY)),
                new CaseAccepted(next(opened, t0.plus(HOUR.multipliedBy(3)), "routing-service"), "a-2",
                        "DISTRICT_OFFICE", "h-3"),
                new CaseProgressed(next(opened, t0.plus(HOUR.multipliedBy(5)), "routing-service"), "a-2",
                        "DISTRICT_OFFICE", "Team on site"),
                new CaseEscalated(next(opened, t0.plus(DAY).plus(MINUTE), "escalation-service"), 1,
                        EscalationReason.RESOLUTION_OVERDUE, "DEPARTMENT_HEAD", "DISTRICT_OFFICE", t0.plus(DAY)),
                new CaseResolved(next(opened, t0.plus(DAY.multipliedBy(2)), "feedback-service"), "DISTRICT_OFFICE",
                        "Repaired", null, false),
                new CallbackCompleted(next(opened, t0.plus(DAY.multipliedBy(3)), "feedback-service"),
                        Satisfaction.UNSATISFIED, "op-11"),
                new CaseReopened(next(opened, t0.plus(DAY.multipliedBy(3)).plus(MINUTE), "feedback-service"),
                        "DISTRICT_OFFICE", "Still broken", 1),
                assigned(opened, t0.plus(DAY.multipliedBy(3)).plus(HOUR), "a-3", "DISTRICT_OFFICE",
                        t0.plus(DAY.multipliedBy(10))));
    }

    static CaseOpened opened(String caseId, Instant t0, Duration answerTime) {
        return new CaseOpened(EventEnvelope.first(caseId, t0, "intake-service"), "HL-20261123-000042", Channel.PHONE,
                CaseKind.COMPLAINT, "PUBLIC_HEALTH", "SANITATION", Urgency.NORMAL,
                "Rubbish not collected outside number 5", null,
                new CallerProfile("cr-5b2f", false, FeedbackChannel.SMS), false, "op-7", null,
                t0.minus(answerTime).minusSeconds(60), t0.minusSeconds(60), null, t0, List.of());
    }

    static CaseAssigned assigned(CaseOpened opened, Instant at, String assignmentId, String department,
            Instant resolveBy) {
        return new CaseAssigned(next(opened, at, "routing-service"), assignmentId, department, List.of(),
                opened.kind(), opened.urgency(), opened.category(), "r-1", 1,
                new Deadlines(at.plus(HOUR), null, resolveBy, resolveBy.plus(DAY)), 0);
    }

    static EventEnvelope next(CaseOpened opened, Instant at, String source) {
        return EventEnvelope.causedBy(opened.envelope(), at, source);
    }
}

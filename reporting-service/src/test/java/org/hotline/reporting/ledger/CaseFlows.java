package org.hotline.reporting.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.hotline.events.CaseKind;
import org.hotline.events.Channel;
import org.hotline.events.EventEnvelope;
import org.hotline.events.FeedbackChannel;
import org.hotline.events.HotlineEvent;
import org.hotline.events.Milestone;
import org.hotline.events.Satisfaction;
import org.hotline.events.Urgency;
import org.hotline.events.escalation.CaseEscalated;
import org.hotline.events.escalation.EscalationLevel;
import org.hotline.events.feedback.CallbackCompleted;
import org.hotline.events.feedback.CaseClosed;
import org.hotline.events.feedback.CaseOutcome;
import org.hotline.events.feedback.CaseReopened;
import org.hotline.events.feedback.CaseResolved;
import org.hotline.events.feedback.FeedbackDelivered;
import org.hotline.events.feedback.ResolutionOutcome;
import org.hotline.events.intake.CallerProfile;
import org.hotline.events.intake.CaseLocation;
import org.hotline.events.intake.CaseOpened;
import org.hotline.events.intake.SealedContact;
import org.hotline.events.routing.AssignedDepartment;
import org.hotline.events.routing.AssignmentReason;
import org.hotline.events.routing.AssignmentRejected;
import org.hotline.events.routing.CaseAccepted;
import org.hotline.events.routing.CaseAssigned;
import org.hotline.events.routing.CaseProgressed;
import org.hotline.events.routing.Deadlines;
import org.hotline.events.routing.DepartmentRole;

/** Whole case flows, as the other services would publish them. */
public final class CaseFlows {

    public static final Duration MINUTE = Duration.ofMinutes(1);
    public static final Duration HOUR = Duration.ofHours(1);
    public static final Duration DAY = Duration.ofDays(1);

    /** Caller data the flows carry, which the ledger must never keep. */
    public static final String CALLER_NAME_MASKED = "李*";
    public static final String CALLER_PHONE_MASKED = "139****9000";
    public static final String ADDRESS = "5 Qianmen Street";

    private CaseFlows() {
    }

    /**
     * A phone complaint answered after 5 s, signed for in 10 minutes, resolved in a day, fed back, caller satisfied
     * with score 5, closed.
     */
    public static List<HotlineEvent> satisfied(String caseId, Instant t0) {
        CaseOpened opened = opened(caseId, t0, Duration.ofSeconds(5));
        return List.of(opened,
                assigned(opened, t0.plus(MINUTE), "a-1", "SANITATION_BUREAU", t0.plus(Duration.ofDays(5)),
                        AssignmentReason.RULE, 0),
                new CaseAccepted(next(opened, t0.plus(MINUTE.multipliedBy(10)), "routing-service"), "a-1",
                        "SANITATION_BUREAU", "h-12"),
                new CaseResolved(next(opened, t0.plus(DAY), "feedback-service"), "SANITATION_BUREAU",
                        ResolutionOutcome.RESOLVED, "Rubbish collected", "Extra round on Mondays", null, null,
                        List.of(), null, List.of(), false),
                new FeedbackDelivered(next(opened, t0.plus(DAY).plus(HOUR), "feedback-service"), FeedbackChannel.SMS,
                        "sms-gateway", 1),
                new CallbackCompleted(next(opened, t0.plus(DAY.multipliedBy(2)), "feedback-service"), true,
                        Satisfaction.SATISFIED, 5, "Thanks, Li Si here", 1, "op-11"),
                new CaseClosed(next(opened, t0.plus(DAY.multipliedBy(2)).plus(MINUTE), "feedback-service"),
                        CaseOutcome.SATISFIED));
    }

    /**
     * A call answered after 30 s; the first department refuses it, the second is late and the ladder declares it
     * overdue, the caller is not satisfied (score 2) and the case goes back to the second department as rework,
     * which has not finished yet.
     */
    public static List<HotlineEvent> troubled(String caseId, Instant t0) {
        CaseOpened opened = opened(caseId, t0, Duration.ofSeconds(30));
        return List.of(opened,
                assigned(opened, t0.plus(MINUTE), "a-1", "HOUSING_OFFICE", t0.plus(DAY), AssignmentReason.RULE, 0),
                new AssignmentRejected(next(opened, t0.plus(HOUR), "routing-service"), "a-1", "HOUSING_OFFICE",
                        "Not our district"),
                assigned(opened, t0.plus(HOUR.multipliedBy(2)), "a-2", "DISTRICT_OFFICE", t0.plus(DAY),
                        AssignmentReason.BOUNCE, 1),
                new CaseAccepted(next(opened, t0.plus(HOUR.multipliedBy(3)), "routing-service"), "a-2",
                        "DISTRICT_OFFICE", "h-3"),
                new CaseProgressed(next(opened, t0.plus(HOUR.multipliedBy(5)), "routing-service"), "a-2",
                        "DISTRICT_OFFICE", "Team on site", Milestone.HANDLING),
                new CaseEscalated(next(opened, t0.plus(DAY).plus(MINUTE), "escalation-service"),
                        caseId + ":a-2:RESOLUTION:OVERDUE", EscalationLevel.OVERDUE, Milestone.RESOLUTION, "a-2",
                        "DISTRICT_OFFICE", t0.plus(DAY), MINUTE, List.of("DEPARTMENT:DISTRICT_OFFICE"),
                        "Resolution overdue", null),
                new CaseResolved(next(opened, t0.plus(DAY.multipliedBy(2)), "feedback-service"), "DISTRICT_OFFICE",
                        ResolutionOutcome.RESOLVED, "Repaired", null, null, null, List.of(), null, List.of(), false),
                new CallbackCompleted(next(opened, t0.plus(DAY.multipliedBy(3)), "feedback-service"), true,
                        Satisfaction.DISSATISFIED, 2, "Still broken", 1, "op-11"),
                new CaseReopened(next(opened, t0.plus(DAY.multipliedBy(3)).plus(MINUTE), "feedback-service"),
                        "DISTRICT_OFFICE", "My neighbour Zhang still parks there", 1, false),
                assigned(opened, t0.plus(DAY.multipliedBy(3)).plus(HOUR), "a-3", "DISTRICT_OFFICE",
                        t0.plus(DAY.multipliedBy(10)), AssignmentReason.REWORK, 1));
    }

    public static CaseOpened opened(String caseId, Instant t0, Duration answerTime) {
        return opened(caseId, t0, answerTime, Urgency.NORMAL);
    }

    public static CaseOpened opened(String caseId, Instant t0, Duration answerTime, Urgency urgency) {
        CallerProfile caller = new CallerProfile("cr-5b2f", false, FeedbackChannel.SMS, CALLER_NAME_MASKED,
                CALLER_PHONE_MASKED, "l***@example.org", new SealedContact("k1", "d3JhcHBlZA==", "c2VhbGVk"));
        return new CaseOpened(EventEnvelope.first(caseId, t0, "intake-service"), "HL-20261123-000042", Channel.PHONE,
                CaseKind.COMPLAINT, "PUBLIC_HEALTH", "SANITATION", urgency,
                "Rubbish not collected outside number 5, rubbish everywhere, call Li Si on 13900139000",
                new CaseLocation(ADDRESS, 39.9, 116.4, "110101"), caller, false, "op-7", null,
                t0.minus(answerTime).minusSeconds(60), t0.minusSeconds(60), null, t0, List.of());
    }

    static CaseAssigned assigned(CaseOpened opened, Instant at, String assignmentId, String department,
            Instant resolveBy, AssignmentReason reason, int bounces) {
        return new CaseAssigned(next(opened, at, "routing-service"), assignmentId, department,
                List.of(new AssignedDepartment(assignmentId, department, DepartmentRole.LEAD)), opened.kind(),
                opened.urgency(), opened.category(), "r-1", 1, 1,
                new Deadlines(at.plus(HOUR), null, null, resolveBy, resolveBy.plus(DAY), resolveBy.plus(DAY.multipliedBy(3))),
                bounces, reason);
    }

    static EventEnvelope next(CaseOpened opened, Instant at, String source) {
        return EventEnvelope.causedBy(opened.envelope(), at, source);
    }
}

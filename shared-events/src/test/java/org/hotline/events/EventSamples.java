package org.hotline.events;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.hotline.events.escalation.CaseEscalated;
import org.hotline.events.calendar.CalendarPublished;
import org.hotline.events.calendar.WorkingCalendar;
import org.hotline.events.escalation.AfterActionReviewed;
import org.hotline.events.escalation.EscalationAcknowledged;
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
import org.hotline.events.routing.AssignedDepartment;
import org.hotline.events.routing.AssignmentReason;
import org.hotline.events.routing.AssignmentRejected;
import org.hotline.events.routing.CaseAccepted;
import org.hotline.events.routing.CaseAssigned;
import org.hotline.events.routing.CaseOnHold;
import org.hotline.events.routing.CaseProgressed;
import org.hotline.events.routing.DeadlineChange;
import org.hotline.events.routing.Deadlines;
import org.hotline.events.routing.DeadlinesChanged;
import org.hotline.events.routing.DepartmentRole;
import org.hotline.events.routing.ExtensionDecided;
import org.hotline.events.routing.ExtensionRequested;

/** One fixed sample of every event, matching the golden JSON fixtures. */
final class EventSamples {

    static final String CASE_ID = "c0ffee00-0000-4000-8000-000000000042";
    static final Instant T0 = Instant.parse("2026-11-23T01:30:00Z");

    static final Deadlines DEADLINES = new Deadlines(T0.plusSeconds(3600), T0.plusSeconds(7200),
            T0.plusSeconds(14400), T0.plusSeconds(86400 * 5), T0.plusSeconds(86400 * 7), T0.plusSeconds(86400 * 10));

    private EventSamples() {
    }

    static EventEnvelope envelope(EventType type, String source) {
        UUID id = UUID.nameUUIDFromBytes(type.name().getBytes());
        return new EventEnvelope(id, CASE_ID, T0.plusSeconds(type.ordinal() * 60L), 1, source,
                "8f4c2d1e-0000-4000-8000-000000000001", "8f4c2d1e-0000-4000-8000-000000000001");
    }

    static HotlineEvent of(EventType type) {
        return switch (type) {
            case CASE_OPENED -> new CaseOpened(envelope(type, "intake-service"), "HL-20261123-000042",
                    Channel.PHONE, CaseKind.COMPLAINT, "PUBLIC_HEALTH", "SANITATION", Urgency.NORMAL,
                    "垃圾站三天沒有清運 / rubbish not collected for three days",
                    new CaseLocation("1 Renmin Road", 31.2304, 121.4737, "310101"),
                    new CallerProfile("cr-5b2f", false, FeedbackChannel.SMS), false, "op-007", "CC-991",
                    T0.minusSeconds(9), T0.minusSeconds(4), null, T0, List.of());
            case CASE_ASSIGNED -> new CaseAssigned(envelope(type, "routing-service"), "a-1", "SANITATION_BUREAU",
                    List.of(new AssignedDepartment("a-1", "SANITATION_BUREAU", DepartmentRole.LEAD),
                            new AssignedDepartment("a-1-S1", "DISTRICT_OFFICE", DepartmentRole.ASSIST)),
                    CaseKind.COMPLAINT, Urgency.NORMAL, "PUBLIC_HEALTH", "r-sanitation", 3, 1, DEADLINES, 0,
                    AssignmentReason.RULE);
            case CASE_ACCEPTED -> new CaseAccepted(envelope(type, "routing-service"), "a-1", "SANITATION_BUREAU",
                    "h-12");
            case ASSIGNMENT_REJECTED -> new AssignmentRejected(envelope(type, "routing-service"), "a-1",
                    "SANITATION_BUREAU", "Not our district");
            case CASE_PROGRESSED -> new CaseProgressed(envelope(type, "routing-service"), "a-1", "SANITATION_BUREAU",
                    "Team on site", Milestone.ON_SITE);
            case CASE_ON_HOLD -> new CaseOnHold(envelope(type, "routing-service"), "a-1", "SANITATION_BUREAU",
                    "Waiting for the caller's photos");
            case DEADLINES_CHANGED -> new DeadlinesChanged(envelope(type, "routing-service"), "a-1",
                    "SANITATION_BUREAU", DEADLINES, DeadlineChange.RESUMED, 1, "Photos received");
            case EXTENSION_REQUESTED -> new ExtensionRequested(envelope(type, "routing-service"), "a-1",
                    "SANITATION_BUREAU", "Contractor needed", T0.plusSeconds(86400 * 9));
            case EXTENSION_DECIDED -> new ExtensionDecided(envelope(type, "routing-service"), "a-1",
                    "SANITATION_BUREAU", true, "sup-3", "Granted once");
            case CASE_ESCALATED -> new CaseEscalated(envelope(type, "escalation-service"), CASE_ID
                    + ":a-1:ACCEPTANCE:OVERDUE", EscalationLevel.OVERDUE, Milestone.ACCEPTANCE, "a-1",
                    "SANITATION_BUREAU", T0.plusSeconds(3600), Duration.ofMinutes(25),
                    List.of("DEPARTMENT:SANITATION_BUREAU"), "Not signed for within 2 working hours", null);
            case ESCALATION_ACKNOWLEDGED -> new EscalationAcknowledged(envelope(type, "escalation-service"),
                    CASE_ID + ":a-1:ACCEPTANCE:OVERDUE", "sup-3", "Called the bureau");
            case AFTER_ACTION_REVIEWED -> new AfterActionReviewed(envelope(type, "escalation-service"),
                    "WATER_BUREAU", "Main burst under frost", "Pipe replaced; frost checks added");
            case CASE_RESOLVED -> new CaseResolved(envelope(type, "feedback-service"), "SANITATION_BUREAU",
                    ResolutionOutcome.RESOLVED, "Rubbish collected", "Extra collection round on Mondays", null, null,
                    List.of("DISTRICT_OFFICE"), "sup-3", List.of("https://files.example.org/after.jpg"), false);
            case FEEDBACK_DELIVERED -> new FeedbackDelivered(envelope(type, "feedback-service"), FeedbackChannel.SMS,
                    "sms-gateway", 1);
            case CALLBACK_COMPLETED -> new CallbackCompleted(envelope(type, "feedback-service"), true,
                    Satisfaction.SATISFIED, 5, "Quick work", 1, "op-011");
            case CASE_REOPENED -> new CaseReopened(envelope(type, "feedback-service"), "SANITATION_BUREAU",
                    "Still not collected", 1, false);
            case CASE_CLOSED -> new CaseClosed(envelope(type, "feedback-service"), CaseOutcome.SATISFIED);
            case CALENDAR_PUBLISHED -> new CalendarPublished(new EventEnvelope(
                    UUID.nameUUIDFromBytes(type.name().getBytes()), CalendarPublished.key("default"), T0, 1,
                    "routing-service", null, null), "default", 2, WorkingCalendar.standard());
        };
    }
}

package org.hotline.reporting.ledger;

import java.time.temporal.ChronoUnit;

import org.hotline.events.HotlineEvent;
import org.hotline.events.escalation.AfterActionReviewed;
import org.hotline.events.escalation.CaseEscalated;
import org.hotline.events.escalation.EscalationAcknowledged;
import org.hotline.events.feedback.CallbackCompleted;
import org.hotline.events.feedback.CaseClosed;
import org.hotline.events.feedback.CaseReopened;
import org.hotline.events.feedback.CaseResolved;
import org.hotline.events.feedback.FeedbackDelivered;
import org.hotline.events.intake.CaseOpened;
import org.hotline.events.routing.AssignmentRejected;
import org.hotline.events.routing.CaseAccepted;
import org.hotline.events.routing.CaseAssigned;
import org.hotline.events.routing.CaseOnHold;
import org.hotline.events.routing.CaseProgressed;
import org.hotline.events.routing.DeadlinesChanged;
import org.hotline.events.routing.ExtensionDecided;
import org.hotline.events.routing.ExtensionRequested;

/**
 * The line a fact adds to the case's timeline, for a person reading the ledger. It never quotes what the caller
 * said (the problem description, the reason for dissatisfaction, a callback comment); what departments wrote (a
 * refusal reason, a progress note, the result) is kept short.
 */
final class TimelineText {

    static final int MAX_QUOTE = 140;

    private TimelineText() {
    }

    static String summary(HotlineEvent event) {
        return switch (event.type()) {
            case CASE_OPENED -> {
                CaseOpened e = (CaseOpened) event;
                yield "Opened " + orDash(e.trackingNumber()) + " via " + e.channel() + ": " + e.kind() + ", "
                        + e.category() + (e.subCategory() == null ? "" : "/" + e.subCategory()) + ", urgency "
                        + e.urgency();
            }
            case CASE_ASSIGNED -> {
                CaseAssigned e = (CaseAssigned) event;
                String assisting = e.assistingDepartments().isEmpty() ? ""
                        : " with " + String.join(", ", e.assistingDepartments());
                String due = e.deadlines() == null || e.deadlines().resolveBy() == null ? ""
                        : ", resolve by " + e.deadlines().resolveBy().truncatedTo(ChronoUnit.SECONDS);
                yield "Assigned to " + e.departmentCode() + assisting + " (" + (e.reason() == null ? "rule"
                        : e.reason().name().toLowerCase()) + " " + orDash(e.ruleId()) + ")" + due;
            }
            case CASE_ACCEPTED -> "Signed for by " + ((CaseAccepted) event).departmentCode();
            case ASSIGNMENT_REJECTED -> {
                AssignmentRejected e = (AssignmentRejected) event;
                yield "Refused by " + e.departmentCode() + quote(e.reason());
            }
            case CASE_PROGRESSED -> {
                CaseProgressed e = (CaseProgressed) event;
                yield "Progress from " + e.departmentCode() + (e.reached() == null ? "" : " (" + e.reached() + ")")
                        + quote(e.note());
            }
            case CASE_ON_HOLD -> "On hold at " + ((CaseOnHold) event).departmentCode() + quote(((CaseOnHold) event)
                    .reason());
            case DEADLINES_CHANGED -> {
                DeadlinesChanged e = (DeadlinesChanged) event;
                String due = e.deadlines() == null || e.deadlines().resolveBy() == null ? ""
                        : ": resolve by " + e.deadlines().resolveBy().truncatedTo(ChronoUnit.SECONDS);
                yield "Deadlines of " + e.departmentCode() + " moved (" + e.change() + ")" + due;
            }
            case EXTENSION_REQUESTED -> {
                ExtensionRequested e = (ExtensionRequested) event;
                yield "Extension requested by " + e.departmentCode() + quote(e.reason());
            }
            case EXTENSION_DECIDED -> {
                ExtensionDecided e = (ExtensionDecided) event;
                yield "Extension " + (e.approved() ? "granted" : "refused") + " to " + e.departmentCode();
            }
            case CASE_ESCALATED -> {
                CaseEscalated e = (CaseEscalated) event;
                yield "Escalated: " + e.level() + (e.milestone() == null ? "" : " on " + e.milestone())
                        + (e.departmentCode() == null ? "" : " for " + e.departmentCode()) + quote(e.reason());
            }
            case ESCALATION_ACKNOWLEDGED -> "Escalation acknowledged by "
                    + orDash(((EscalationAcknowledged) event).acknowledgedBy());
            case AFTER_ACTION_REVIEWED -> "After-action review filed by "
                    + orDash(((AfterActionReviewed) event).departmentCode());
            case CASE_RESOLVED -> {
                CaseResolved e = (CaseResolved) event;
                yield (e.onTheSpot() ? "Answered on the spot" : "Resolved by " + e.departmentCode())
                        + (e.outcome() == null ? "" : " (" + e.outcome() + ")") + quote(e.summary());
            }
            case FEEDBACK_DELIVERED -> "Result fed back to the caller by " + ((FeedbackDelivered) event).channel();
            case CALLBACK_COMPLETED -> {
                CallbackCompleted e = (CallbackCompleted) event;
                yield "Callback attempt " + e.attempt() + ": " + (e.reached() ? e.satisfaction()
                        + (e.score() == null ? "" : ", score " + e.score()) : "caller not reached");
            }
            case CASE_REOPENED -> {
                CaseReopened e = (CaseReopened) event;
                yield "Reopened (" + e.reopenCount() + ")" + (e.toSupervisor() ? ", to a supervisor"
                        : e.departmentCode() == null ? "" : ", back to " + e.departmentCode());
            }
            case CASE_CLOSED -> "Closed: " + ((CaseClosed) event).outcome();
            case CALENDAR_PUBLISHED -> "Working calendar published";
        };
    }

    /** The department a fact is about, if any. */
    static String department(HotlineEvent event) {
        return switch (event.type()) {
            case CASE_OPENED, FEEDBACK_DELIVERED, CALLBACK_COMPLETED, CASE_CLOSED, ESCALATION_ACKNOWLEDGED,
                    CALENDAR_PUBLISHED -> null;
            case CASE_ASSIGNED -> ((CaseAssigned) event).departmentCode();
            case CASE_ACCEPTED -> ((CaseAccepted) event).departmentCode();
            case ASSIGNMENT_REJECTED -> ((AssignmentRejected) event).departmentCode();
            case CASE_PROGRESSED -> ((CaseProgressed) event).departmentCode();
            case CASE_ON_HOLD -> ((CaseOnHold) event).departmentCode();
            case DEADLINES_CHANGED -> ((DeadlinesChanged) event).departmentCode();
            case EXTENSION_REQUESTED -> ((ExtensionRequested) event).departmentCode();
            case EXTENSION_DECIDED -> ((ExtensionDecided) event).departmentCode();
            case CASE_ESCALATED -> ((CaseEscalated) event).departmentCode();
            case AFTER_ACTION_REVIEWED -> ((AfterActionReviewed) event).departmentCode();
            case CASE_RESOLVED -> ((CaseResolved) event).departmentCode();
            case CASE_REOPENED -> ((CaseReopened) event).departmentCode();
        };
    }

    private static String quote(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String oneLine = text.strip().replaceAll("\\s+", " ");
        return ": " + (oneLine.length() <= MAX_QUOTE ? oneLine : oneLine.substring(0, MAX_QUOTE - 1) + "…");
    }

    private static String orDash(String text) {
        return text == null ? "-" : text;
    }
}

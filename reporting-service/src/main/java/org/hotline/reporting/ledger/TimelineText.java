package org.hotline.reporting.ledger;

import java.time.temporal.ChronoUnit;

import org.hotline.events.HotlineEvent;
import org.hotline.events.escalation.CaseEscalated;
import org.hotline.events.feedback.CallbackCompleted;
import org.hotline.events.feedback.CaseClosed;
import org.hotline.events.feedback.CaseReopened;
import org.hotline.events.feedback.CaseResolved;
import org.hotline.events.feedback.FeedbackDelivered;
import org.hotline.events.intake.CaseOpened;
import org.hotline.events.routing.AssignmentRejected;
import org.hotline.events.routing.CaseAccepted;
import org.hotline.events.routing.CaseAssigned;
import org.hotline.events.routing.CaseProgressed;

/**
 * The line a fact adds to the case's timeline, for a person reading the ledger. It never quotes what the caller
 * said (the problem description, the reason for dissatisfaction); what departments wrote (a refusal reason, a
 * progress note, the result) is kept short.
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
                String assisting = e.assistingDepartments() == null || e.assistingDepartments().isEmpty() ? ""
                        : " with " + String.join(", ", e.assistingDepartments());
                String due = e.deadlines() == null || e.deadlines().resolveBy() == null ? ""
                        : ", resolve by " + e.deadlines().resolveBy().truncatedTo(ChronoUnit.SECONDS);
                yield "Assigned to " + e.departmentCode() + assisting + " (rule " + e.ruleId() + ")" + due;
            }
            case CASE_ACCEPTED -> "Signed for by " + ((CaseAccepted) event).departmentCode();
            case ASSIGNMENT_REJECTED -> {
                AssignmentRejected e = (AssignmentRejected) event;
                yield "Refused by " + e.departmentCode() + quote(e.reason());
            }
            case CASE_PROGRESSED -> {
                CaseProgressed e = (CaseProgressed) event;
                yield "Progress from " + e.departmentCode() + quote(e.note());
            }
            case CASE_ESCALATED -> {
                CaseEscalated e = (CaseEscalated) event;
                yield "Escalated to " + e.escalatedTo() + " (level " + e.level() + "): " + e.reason();
            }
            case CASE_RESOLVED -> {
                CaseResolved e = (CaseResolved) event;
                yield (e.onTheSpot() ? "Answered on the spot" : "Resolved by " + e.departmentCode())
                        + quote(e.summary());
            }
            case FEEDBACK_DELIVERED -> "Result fed back to the caller by " + ((FeedbackDelivered) event).channel();
            case CALLBACK_COMPLETED -> "Callback: " + ((CallbackCompleted) event).satisfaction();
            case CASE_REOPENED -> {
                CaseReopened e = (CaseReopened) event;
                yield "Reopened (" + e.reopenCount() + ")"
                        + (e.departmentCode() == null ? "" : ", back to " + e.departmentCode());
            }
            case CASE_CLOSED -> "Closed: " + ((CaseClosed) event).outcome();
        };
    }

    /** The department a fact is about, if any. */
    static String department(HotlineEvent event) {
        return switch (event.type()) {
            case CASE_OPENED, FEEDBACK_DELIVERED, CALLBACK_COMPLETED, CASE_CLOSED -> null;
            case CASE_ASSIGNED -> ((CaseAssigned) event).departmentCode();
            case CASE_ACCEPTED -> ((CaseAccepted) event).departmentCode();
            case ASSIGNMENT_REJECTED -> ((AssignmentRejected) event).departmentCode();
            case CASE_PROGRESSED -> ((CaseProgressed) event).departmentCode();
            case CASE_ESCALATED -> ((CaseEscalated) event).departmentCode();
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

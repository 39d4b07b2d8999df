package org.hotline.reporting.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.hotline.events.CaseKind;
import org.hotline.events.Channel;
import org.hotline.events.EventType;
import org.hotline.events.FeedbackChannel;
import org.hotline.events.Milestone;
import org.hotline.events.Satisfaction;
import org.hotline.events.Urgency;
import org.hotline.events.escalation.EscalationLevel;
import org.hotline.events.feedback.CaseOutcome;
import org.hotline.events.feedback.ResolutionOutcome;
import org.hotline.events.routing.AssignmentReason;
import org.hotline.events.routing.DepartmentRole;

/**
 * The tracking ledger of one case (跟蹤臺賬): how it was taken, every department and deadline, the result, the
 * feedback, the callbacks and the caller's satisfaction, and every fact in the order it happened. It holds no
 * caller data: no name, phone, e-mail, address or problem description.
 *
 * @param status where the case stands, from the latest state-changing fact
 * @param overdue in the backlog and past the lead department's resolve-by deadline
 * @param area the administrative area of the problem, if known
 * @param answerTime calls: from the first ring to the answer; walk-ins: from arrival to reception
 * @param department the lead department of the current assignment
 * @param assistingDepartments the assisting departments of the current assignment
 * @param departments every department the case was ever given to, in the order it was
 * @param assignments every assignment with its deadlines, oldest first
 * @param acceptedAt when the current lead department signed for the case
 * @param resolvedAt when the current result was reported; null if the case was reopened since
 * @param handlingTime from opening to the current result
 * @param callbackAttempts satisfaction callback attempts, reached or not
 * @param satisfaction the caller's answer at the latest callback that reached the caller
 * @param bounces how many times a department refused the case (退單)
 * @param timeline every fact, in the order it happened
 */
public record LedgerCase(String caseId, String trackingNumber, CaseStatus status, boolean overdue, Channel channel,
        CaseKind kind, String category, String subCategory, Urgency urgency, boolean anonymous,
        boolean supervisionComplaint, String operatorId, String area, Instant openedAt, Instant ringStartedAt,
        Instant answeredAt, Instant arrivedAt, Instant receivedAt, Duration answerTime, String department,
        List<String> assistingDepartments, List<String> departments, List<Assignment> assignments,
        Instant acceptedAt, Instant resolvedAt, String resolvedBy, ResolutionOutcome resolution,
        boolean resolvedOnTheSpot, Duration handlingTime, Instant feedbackAt, FeedbackChannel feedbackChannel,
        int feedbackAttempts, int callbackAttempts, Instant calledBackAt, Satisfaction satisfaction, Integer score,
        int reopens, boolean reopenedToSupervisor, int bounces, List<Escalation> escalations,
        Instant afterActionReviewedAt, Instant closedAt, CaseOutcome outcome, Instant lastEventAt,
        List<Entry> timeline) {

    /**
     * One department's share of the case.
     *
     * @param endedAt when it ended without a result: refused, or superseded by a later assignment
     * @param deadlines each milestone's deadline and whether it was met
     * @param deadlineChanges how many times the deadlines moved (extension, clock resumed, new calendar)
     */
    public record Assignment(String assignmentId, String department, DepartmentRole role, AssignmentReason reason,
            Instant assignedAt, Instant acceptedAt, Instant rejectedAt, String rejectionReason, Instant endedAt,
            boolean onHold, List<Deadline> deadlines, int deadlineChanges, int extensionsRequested,
            int extensionsGranted) {

        /** The deadline for a milestone, or null if the assignment has none. */
        public Deadline deadline(Milestone milestone) {
            return deadlines.stream().filter(d -> d.milestone() == milestone).findFirst().orElse(null);
        }
    }

    /**
     * A deadline and whether it was met.
     *
     * @param metAt when the milestone was reached; null if not yet
     */
    public record Deadline(Milestone milestone, Instant due, Instant metAt, DeadlineState state) {
    }

    /** A step of the escalation ladder that fired for the case. */
    public record Escalation(String escalationId, EscalationLevel level, Milestone milestone, String department,
            Instant deadline, Instant at, Instant acknowledgedAt, String acknowledgedBy) {
    }

    /**
     * One fact of the timeline, described without caller data.
     *
     * @param type the fact's CloudEvents type, e.g. {@code org.hotline.case.opened.v1}
     * @param source the service that reported it
     */
    public record Entry(String eventId, String type, Instant occurredAt, String source, String summary,
            String department) {
    }

    /**
     * The order of the timeline: by the time it happened; entries of the same instant in the order of the case's life
     * (as {@link EventType} lists the events), then by event id, so that ties have a stable order.
     */
    static final Comparator<Entry> CHRONOLOGICAL = Comparator.comparing(Entry::occurredAt)
            .thenComparingInt(LedgerCase::lifecycleOrder).thenComparing(Entry::eventId);

    private static int lifecycleOrder(Entry entry) {
        try {
            return EventType.ofCloudEventType(entry.type()).ordinal();
        }
        catch (IllegalArgumentException unknown) {
            return Integer.MAX_VALUE;
        }
    }

    /** The current lead assignment, or null if the case was never assigned. */
    public Assignment leadAssignment() {
        for (int i = assignments.size() - 1; i >= 0; i--) {
            Assignment a = assignments.get(i);
            if (a.role() == DepartmentRole.LEAD) {
                return a;
            }
        }
        return null;
    }

    /** The same case without its timeline, for lists. */
    LedgerCase withoutTimeline() {
        return new LedgerCase(caseId, trackingNumber, status, overdue, channel, kind, category, subCategory, urgency,
                anonymous, supervisionComplaint, operatorId, area, openedAt, ringStartedAt, answeredAt, arrivedAt,
                receivedAt, answerTime, department, assistingDepartments, departments, assignments, acceptedAt,
                resolvedAt, resolvedBy, resolution, resolvedOnTheSpot, handlingTime, feedbackAt, feedbackChannel,
                feedbackAttempts, callbackAttempts, calledBackAt, satisfaction, score, reopens, reopenedToSupervisor,
                bounces, escalations, afterActionReviewedAt, closedAt, outcome, lastEventAt, null);
    }
}

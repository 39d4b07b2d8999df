package org.hotline.escalation.timers.domain;

import java.time.Instant;

/**
 * One watched deadline of one assignment.
 *
 * @param assignmentId the assignment whose deadline this is
 * @param departmentCode the department that must meet it
 * @param kind which deadline
 * @param assignedAt when the assignment was made
 * @param dueAt the deadline
 * @param status pending, cancelled or fired
 * @param settledAt when it was cancelled or fired
 * @param settledBy why it was cancelled ({@code accepted}, {@code rejected}, {@code resolved},
 *        {@code feedback delivered}, {@code closed}) or {@code overdue} when it fired
 * @param causationId the event that set the timer
 */
public record SlaTimer(String assignmentId, String departmentCode, TimerKind kind, Instant assignedAt, Instant dueAt,
        TimerStatus status, Instant settledAt, String settledBy, String causationId) {

    static SlaTimer pending(String assignmentId, String departmentCode, TimerKind kind, Instant assignedAt,
            Instant dueAt, String causationId) {
        return new SlaTimer(assignmentId, departmentCode, kind, assignedAt, dueAt, TimerStatus.PENDING, null, null,
                causationId);
    }

    public boolean isPending() {
        return status == TimerStatus.PENDING;
    }

    boolean isDue(Instant now) {
        return isPending() && !dueAt.isAfter(now);
    }

    SlaTimer cancelled(Instant at, String why) {
        return new SlaTimer(assignmentId, departmentCode, kind, assignedAt, dueAt, TimerStatus.CANCELLED, at, why,
                causationId);
    }

    SlaTimer fired(Instant at) {
        return new SlaTimer(assignmentId, departmentCode, kind, assignedAt, dueAt, TimerStatus.FIRED, at, "overdue",
                causationId);
    }
}

package org.hotline.escalation.timers.domain;

import java.time.Instant;

import org.hotline.events.escalation.EscalationReason;

/**
 * A case went up a rung: who was notified, why, and about which deadline.
 *
 * @param level the rung, 1 being the first
 * @param escalatedTo who is notified, e.g. {@code COMMAND_CENTRE}, {@code DEPARTMENT_HEAD}
 * @param departmentCode the department concerned; null for an emergency
 * @param assignmentId the assignment whose deadline was missed; null for an emergency
 * @param deadline the missed deadline; null for an emergency
 * @param escalatedAt when the case was escalated
 * @param causationId the event that led to it: the opening of an emergency, or the assignment that set the timer
 */
public record Escalation(int level, EscalationReason reason, String escalatedTo, String departmentCode,
        String assignmentId, Instant deadline, Instant escalatedAt, String causationId) {

    boolean isEmergency() {
        return reason == EscalationReason.EMERGENCY;
    }
}

package org.hotline.events.escalation;

import java.time.Instant;

import org.hotline.events.EventEnvelope;
import org.hotline.events.HotlineEvent;

/**
 * A case was escalated: an emergency sent to the command centre, or a missed deadline.
 *
 * @param level the rung of the escalation ladder, 1 being the first
 * @param escalatedTo who is notified, e.g. {@code COMMAND_CENTRE}, {@code DEPARTMENT_HEAD}
 * @param departmentCode the department concerned, if any
 * @param deadline the deadline that was missed, if any
 */
public record CaseEscalated(EventEnvelope envelope, int level, EscalationReason reason, String escalatedTo,
        String departmentCode, Instant deadline) implements HotlineEvent {
}

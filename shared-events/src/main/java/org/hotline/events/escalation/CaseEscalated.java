package org.hotline.events.escalation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.hotline.events.EventEnvelope;
import org.hotline.events.HotlineEvent;
import org.hotline.events.Milestone;

/**
 * A step of the escalation ladder fired: a reminder, an overdue warning, supervision, leadership, or an emergency
 * sent to the command centre.
 *
 * @param escalationId stable for the step, e.g. {@code <caseId>:<assignmentId>:RESOLUTION:SUPERVISOR}
 * @param milestone the promise concerned
 * @param assignmentId the assignment whose deadline it is, if any
 * @param departmentCode the department concerned, if any
 * @param deadline the deadline concerned
 * @param late how late the case is (negative for a reminder before the deadline)
 * @param recipients who is to be told, e.g. {@code DEPARTMENT:WATER_BUREAU}, {@code SUPERVISOR}, {@code COMMAND_CENTER}
 * @param reason why, in words
 * @param emergencyPlan emergencies: the plan chosen for the category (應急預案); otherwise null
 */
public record CaseEscalated(EventEnvelope envelope, String escalationId, EscalationLevel level, Milestone milestone,
        String assignmentId, String departmentCode, Instant deadline, Duration late, List<String> recipients,
        String reason, String emergencyPlan) implements HotlineEvent {
}

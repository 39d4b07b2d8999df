package org.hotline.escalation.supervision;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.hotline.events.Milestone;
import org.hotline.events.escalation.EscalationLevel;

/**
 * A step of the ladder about to be recorded and published as CaseEscalated.
 *
 * @param escalationId stable for the step: {@code <caseId>:<assignmentId or ->:<MILESTONE>:<LEVEL>} (emergency
 *        repeats add {@code :<n>})
 * @param causationId the event that set the deadline
 * @param late how late the milestone is at {@code at}; negative for a reminder
 * @param at when the step is sent
 */
public record NewEscalation(String escalationId, String caseId, String correlationId, String causationId,
        EscalationLevel level, Milestone milestone, String assignmentId, String departmentCode, Instant deadline,
        Duration late, List<String> recipients, String reason, String emergencyPlan, Instant at) {
}

package org.hotline.escalation.timers.domain;

import java.time.Instant;

import org.hotline.events.Milestone;

/**
 * What a milestone timer should be, given everything known about its case.
 *
 * @param timerId stable: {@code <caseId>:<assignmentId>:<MILESTONE>}, {@code -} for case-level milestones
 * @param assignmentId null for case-level milestones (emergency response, after-action review)
 * @param windowStart when the clock started (the assignment, the opening, the resolution)
 * @param settledBy why a timer is met, cancelled or suspended, in words; null while open
 * @param causationId the event that set the deadline
 */
public record TimerSpec(String timerId, String caseId, String assignmentId, String departmentCode,
        Milestone milestone, ClockKind clock, Instant windowStart, Instant deadline, TimerState state,
        String settledBy, String causationId) {

    public static String timerId(String caseId, String assignmentId, Milestone milestone) {
        return caseId + ":" + (assignmentId == null ? "-" : assignmentId) + ":" + milestone;
    }
}

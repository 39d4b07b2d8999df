package org.hotline.escalation.timers;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import org.hotline.escalation.supervision.NewEscalation;
import org.hotline.escalation.timers.domain.EscalationPolicy;
import org.hotline.escalation.timers.domain.TimerSpec;
import org.hotline.events.Milestone;
import org.hotline.events.escalation.EscalationLevel;

/** Words and ids of the steps that fire. */
final class Notices {

    private Notices() {
    }

    /** A step of a milestone's ladder: {@code <timerId>:<LEVEL>}. */
    static NewEscalation step(TimerDocument timer, EscalationLevel level, EscalationPolicy policy, Instant now) {
        Duration late = Duration.between(timer.getDeadline(), now);
        String what = timer.getMilestone() + (timer.getDepartmentCode() == null ? ""
                : " by " + timer.getDepartmentCode()) + (timer.getAssignmentId() == null ? ""
                        : " (assignment " + timer.getAssignmentId() + ")");
        String reason = switch (level) {
            case REMINDER -> "Reminder: " + what + " is due at " + timer.getDeadline();
            case OVERDUE -> what + " passed its deadline " + timer.getDeadline() + "; late " + late;
            case SUPERVISOR -> what + " is late " + late + ": supervision (督辦) takes it up";
            case LEADERSHIP -> what + " is late " + late + ": leadership is told";
            case COMMAND_CENTER -> what + " is late " + late;
        };
        return new NewEscalation(timer.getId() + ":" + level, timer.getCaseId(), timer.getCorrelationId(),
                timer.getCausationId(), level, timer.getMilestone(), timer.getAssignmentId(),
                timer.getDepartmentCode(), timer.getDeadline(), late,
                policy.recipients(level, timer.getDepartmentCode()), reason, null, now);
    }

    /**
     * The ids of every escalation a timer may have raised so far: each level of its ladder, or for an emergency
     * every alert up to the one that may be firing now.
     */
    static List<String> raisedBy(TimerDocument timer) {
        if (timer.getMilestone() == Milestone.EMERGENCY_RESPONSE) {
            return IntStream.rangeClosed(0, timer.getStep())
                    .mapToObj(repeat -> timer.getId() + ":" + EscalationLevel.COMMAND_CENTER + ":" + repeat).toList();
        }
        return Arrays.stream(EscalationLevel.values()).map(level -> timer.getId() + ":" + level).toList();
    }

    /**
     * The {@code repeat}-th emergency alert (0 = the first): {@code <caseId>:-:EMERGENCY_RESPONSE:COMMAND_CENTER:<n>}.
     */
    static NewEscalation emergency(String caseId, String correlationId, String causationId, Instant openedAt,
            int repeat, String plan, EscalationPolicy policy, Instant now) {
        String timerId = TimerSpec.timerId(caseId, null,
                Milestone.EMERGENCY_RESPONSE);
        String reason = repeat == 0 ? "Emergency: activate plan " + plan + " and dispatch departments to the scene"
                : "Emergency: no department has accepted " + Duration.between(openedAt, now)
                        + " after the case was opened (alert " + (repeat + 1) + "); plan " + plan;
        return new NewEscalation(timerId + ":" + EscalationLevel.COMMAND_CENTER + ":" + repeat, caseId,
                correlationId, causationId, EscalationLevel.COMMAND_CENTER, Milestone.EMERGENCY_RESPONSE, null, null,
                openedAt, Duration.between(openedAt, now), policy.emergencyRecipients(repeat), reason, plan, now);
    }
}

package org.hotline.escalation.timers.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.hotline.events.calendar.WorkingCalendar;
import org.hotline.events.escalation.EscalationLevel;

import java.time.Instant;

/**
 * The ladder of one milestone: a reminder at a share of the window, the overdue warning at the deadline, then
 * supervision and leadership some time after it. On working-hour clocks the window share and the offsets are counted
 * in working time, and every step is moved to the next working instant; on emergency clocks they are clock time.
 *
 * @param reminderAt share of the window (assignment → deadline) at which the reminder goes out, e.g. 0.8; null or 0
 *        for no reminder
 * @param supervisorAfter how long after the deadline supervision (督辦) takes it up; null for never
 * @param leadershipAfter how long after the deadline leadership is told; null for never
 */
public record LadderPolicy(Double reminderAt, Duration supervisorAfter, Duration leadershipAfter) {

    public LadderPolicy {
        if (reminderAt != null && (reminderAt < 0 || reminderAt >= 1)) {
            throw new IllegalArgumentException("reminder-at is a share of the window, at least 0 and below 1");
        }
        if (supervisorAfter != null && supervisorAfter.isNegative()
                || leadershipAfter != null && leadershipAfter.isNegative()) {
            throw new IllegalArgumentException("supervisor-after and leadership-after cannot be negative");
        }
    }

    /** The steps of this ladder for a window, earliest first. */
    public List<Step> steps(Instant windowStart, Instant deadline, ClockKind clock, WorkingCalendar calendar) {
        boolean working = clock == ClockKind.WORKING_HOURS;
        List<Step> steps = new ArrayList<>();
        if (reminderAt != null && reminderAt > 0 && windowStart != null && windowStart.isBefore(deadline)) {
            Duration window = working ? calendar.workingTimeBetween(windowStart, deadline)
                    : Duration.between(windowStart, deadline);
            if (!window.isZero()) {
                Duration share = Duration.ofMillis((long) (window.toMillis() * reminderAt));
                Instant at = working ? calendar.plusWorkingTime(windowStart, share) : windowStart.plus(share);
                steps.add(step(EscalationLevel.REMINDER, at, working, calendar));
            }
        }
        steps.add(step(EscalationLevel.OVERDUE, deadline, working, calendar));
        if (supervisorAfter != null) {
            steps.add(step(EscalationLevel.SUPERVISOR, after(deadline, supervisorAfter, working, calendar), working,
                    calendar));
        }
        if (leadershipAfter != null) {
            steps.add(step(EscalationLevel.LEADERSHIP, after(deadline, leadershipAfter, working, calendar), working,
                    calendar));
        }
        return List.copyOf(steps);
    }

    private static Instant after(Instant deadline, Duration offset, boolean working, WorkingCalendar calendar) {
        return working ? calendar.plusWorkingTime(deadline, offset) : deadline.plus(offset);
    }

    private static Step step(EscalationLevel level, Instant at, boolean working, WorkingCalendar calendar) {
        return new Step(level, working ? calendar.nextWorkingInstant(at) : at);
    }
}

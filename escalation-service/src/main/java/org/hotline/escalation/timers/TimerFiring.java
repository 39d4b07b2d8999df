package org.hotline.escalation.timers;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.hotline.escalation.calendar.WorkingCalendars;
import org.hotline.escalation.supervision.EscalationLog;
import org.hotline.escalation.supervision.NewEscalation;
import org.hotline.escalation.timers.domain.ClockKind;
import org.hotline.escalation.timers.domain.EscalationPolicy;
import org.hotline.escalation.timers.domain.Step;
import org.hotline.escalation.timers.domain.TimerState;
import org.hotline.events.Milestone;
import org.hotline.events.calendar.WorkingCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Fires due timers, earliest due first, one claimed timer at a time: records the step (and so queues its
 * CaseEscalated), then moves the timer to its next step. Any number of instances may run this over one store.
 */
@Component
class TimerFiring {

    private static final Logger log = LoggerFactory.getLogger(TimerFiring.class);

    private final TimerStore timers;
    private final EscalationLog escalations;
    private final EscalationCaseRepository cases;
    private final WorkingCalendars calendars;
    private final EscalationProperties properties;
    private final EscalationPolicy policy;
    private final Clock clock;

    TimerFiring(TimerStore timers, EscalationLog escalations, EscalationCaseRepository cases,
            WorkingCalendars calendars, EscalationProperties properties, Clock clock) {
        this.timers = timers;
        this.escalations = escalations;
        this.cases = cases;
        this.calendars = calendars;
        this.properties = properties;
        this.policy = properties.policy();
        this.clock = clock;
    }

    /**
     * Fires every step due now, in due order, at most a batch per call.
     *
     * @return the escalation ids of the steps fired, in the order they fired
     */
    List<String> fireDue() {
        List<String> fired = new ArrayList<>();
        for (int claimed = 0; claimed < properties.batchSize(); claimed++) {
            Instant now = clock.instant();
            TimerDocument timer = timers.claimNext(now, properties.claimLease());
            if (timer == null) {
                break;
            }
            fire(timer, now).ifPresent(fired::add);
        }
        return fired;
    }

    private Optional<String> fire(TimerDocument timer, Instant now) {
        if (timer.getMilestone() == Milestone.EMERGENCY_RESPONSE) {
            return repeatEmergency(timer, now);
        }
        List<Step> steps = timers.steps(timer);
        int index = timer.getStep();
        if (index >= steps.size()) {
            timers.release(timer, index, null, TimerState.DONE);
            return Optional.empty();
        }
        Step step = steps.get(index);
        WorkingCalendar calendar = calendars.current();
        if (step.at().isAfter(now)) {
            // the calendar changed since the timer was due
            timers.release(timer, index, step.at(), TimerState.OPEN);
            return Optional.empty();
        }
        if (timer.getClock() == ClockKind.WORKING_HOURS && !calendar.isWorkingTime(now)) {
            // a notice on a working-hour clock waits for working time
            timers.release(timer, index, calendar.nextWorkingInstant(now), TimerState.OPEN);
            return Optional.empty();
        }
        NewEscalation escalation = Notices.step(timer, step.level(), policy, now);
        escalations.record(escalation);
        boolean last = index + 1 >= steps.size();
        timers.release(timer, index + 1, last ? null : steps.get(index + 1).at(),
                last ? TimerState.DONE : TimerState.OPEN);
        return Optional.of(escalation.escalationId());
    }

    private Optional<String> repeatEmergency(TimerDocument timer, Instant now) {
        int repeat = timer.getStep();
        String category = cases.findById(timer.getCaseId()).map(c -> c.facts().category()).orElse(null);
        NewEscalation escalation = Notices.emergency(timer.getCaseId(), timer.getCorrelationId(),
                timer.getCausationId(), timer.getWindowStart(), repeat, properties.emergencyPlan(category), policy,
                now);
        escalations.record(escalation);
        Instant next = policy.emergencyRepeatAt(timer.getWindowStart(), repeat + 1);
        // after a long outage one alert goes out, not one per missed interval
        while (!next.isAfter(now)) {
            next = next.plus(properties.emergency().repeatEvery());
        }
        timers.release(timer, repeat + 1, next, TimerState.OPEN);
        log.info("Case {}: emergency alert {} repeated, no department has accepted", timer.getCaseId(), repeat + 1);
        return Optional.of(escalation.escalationId());
    }
}

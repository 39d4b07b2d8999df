package org.hotline.escalation.timers;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.hotline.escalation.calendar.WorkingCalendars;
import org.hotline.escalation.supervision.EscalationLog;
import org.hotline.escalation.timers.domain.EscalationPolicy;
import org.hotline.escalation.timers.domain.Step;
import org.hotline.escalation.timers.domain.TimerSpec;
import org.hotline.escalation.timers.domain.TimerState;
import org.hotline.events.Milestone;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The timers collection: brings a case's timers in line with its facts, and lets pollers claim due timers one at a
 * time. Every write is a single-document write; a reconciliation that meets a concurrent change fails with an
 * optimistic-locking conflict and the caller runs again.
 */
@Component
class TimerStore {

    private final MongoTemplate mongo;
    private final WorkingCalendars calendars;
    private final EscalationPolicy policy;
    private final EscalationLog escalations;

    TimerStore(MongoTemplate mongo, WorkingCalendars calendars, EscalationProperties properties,
            EscalationLog escalations) {
        this.mongo = mongo;
        this.calendars = calendars;
        this.policy = properties.policy();
        this.escalations = escalations;
    }

    /**
     * Creates, updates, suspends, meets or cancels the timers of a case so that they match its facts. A met or
     * cancelled timer stays so, and facts older than those a timer was derived from never change it.
     */
    void reconcile(EscalationCase escalationCase) {
        long factsVersion = escalationCase.getVersion() == null ? 0 : escalationCase.getVersion();
        Map<String, TimerDocument> existing = ofCase(escalationCase.getId()).stream()
                .collect(Collectors.toMap(TimerDocument::getId, Function.identity()));
        for (TimerSpec spec : escalationCase.facts().timers()) {
            TimerDocument timer = existing.get(spec.timerId());
            boolean fresh = timer == null;
            if (fresh) {
                // the first emergency alert goes out from the consumer; the timer keeps the repeats
                timer = TimerDocument.of(spec, escalationCase.getCorrelationId(),
                        spec.milestone() == Milestone.EMERGENCY_RESPONSE ? 1 : 0);
            }
            else if (timer.getFactsVersion() > factsVersion || timer.getState() == TimerState.MET
                    || timer.getState() == TimerState.CANCELLED
                    || timer.getState() == TimerState.DONE && !spec.state().isFinal()) {
                // met and cancelled stay so; a timer whose ladder is done can still be met, closing its escalations
                continue;
            }
            if (!timer.take(spec, factsVersion) && !fresh) {
                continue;
            }
            if (timer.getState() == TimerState.OPEN) {
                Instant due = nextDue(timer, timer.getStep());
                timer.setDueAt(due);
                if (due == null) {
                    timer.setState(TimerState.DONE);
                }
            }
            else {
                timer.setDueAt(null);
            }
            if (fresh) {
                mongo.insert(timer);
            }
            else {
                mongo.save(timer);
            }
            if (timer.getState() == TimerState.MET || timer.getState() == TimerState.CANCELLED) {
                escalations.settle(timer.getCaseId(), timer.getAssignmentId(), timer.getMilestone(),
                        timer.getSettledBy());
            }
        }
    }

    /** When step {@code step} of the timer's ladder is due, or null if its ladder has no such step. */
    Instant nextDue(TimerDocument timer, int step) {
        if (timer.getMilestone() == Milestone.EMERGENCY_RESPONSE) {
            return policy.emergencyRepeatAt(timer.getWindowStart(), step);
        }
        List<Step> steps = steps(timer);
        return step < steps.size() ? steps.get(step).at() : null;
    }

    List<Step> steps(TimerDocument timer) {
        return policy.steps(timer.getMilestone(), timer.getWindowStart(), timer.getDeadline(), timer.getClock(),
                calendars.current());
    }

    /**
     * Claims the earliest due open timer that no other instance holds: one conditional update, so two instances
     * never hold the same timer. A claim left by a crashed instance lapses after the lease.
     */
    TimerDocument claimNext(Instant now, Duration lease) {
        Query due = Query.query(where(TimerDocument.DUE_AT).lte(now).and(TimerDocument.STATE).is(TimerState.OPEN)
                .orOperator(where(TimerDocument.CLAIMED_UNTIL).is(null), where(TimerDocument.CLAIMED_UNTIL).lt(now)))
                .with(Sort.by(TimerDocument.DUE_AT, "_id"));
        Update claim = new Update().set(TimerDocument.CLAIMED_UNTIL, now.plus(lease))
                .set(TimerDocument.CLAIM, UUID.randomUUID().toString()).inc(TimerDocument.VERSION, 1L);
        return mongo.findAndModify(due, claim, FindAndModifyOptions.options().returnNew(true), TimerDocument.class);
    }

    /**
     * Moves a claimed timer on and releases it, if nobody changed it since the claim; otherwise it stays claimed
     * until the lease lapses and is fired again from its fresh state (the escalation already recorded is not
     * recorded twice).
     */
    boolean release(TimerDocument claimed, int step, Instant dueAt, TimerState state) {
        Query mine = Query.query(Criteria.where("_id").is(claimed.getId()).and(TimerDocument.CLAIM)
                .is(claimed.getClaim()).and(TimerDocument.VERSION).is(claimed.getVersion()));
        Update update = new Update().set(TimerDocument.STEP, step).set(TimerDocument.DUE_AT, dueAt)
                .set(TimerDocument.STATE, state).unset(TimerDocument.CLAIMED_UNTIL).unset(TimerDocument.CLAIM)
                .inc(TimerDocument.VERSION, 1L);
        return mongo.updateFirst(mine, update, TimerDocument.class).getModifiedCount() == 1;
    }

    List<TimerDocument> ofCase(String caseId) {
        return mongo.find(Query.query(where("caseId").is(caseId)).with(Sort.by("_id")), TimerDocument.class);
    }
}

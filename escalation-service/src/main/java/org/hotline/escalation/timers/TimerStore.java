package org.hotline.escalation.timers;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The timers collection: brings a case's timers in line with its facts, and lets pollers claim due timers one at a
 * time. Every write is a single-document write (or one insert of a case's new timers); a reconciliation that meets a
 * concurrent change fails with an optimistic-locking conflict and the caller runs again.
 * <p>
 * Finding due timers never reads the whole collection per poll: the store holds the timers it expects to fall due
 * within the horizon ({@link EscalationProperties#scanHorizon()}) in memory ({@link DueTimers}), fed by its own
 * reconciliations and releases, and by a scan for open timers due within the horizon, run at the first claim and
 * then whenever the last scan is {@code scan-interval} old (by the injected {@link Clock}). The scan is the safety net
 * for timers this instance does not know of: written by another instance that died, or before a restart. A claim is
 * still one conditional update of one timer, so a stale entry (the timer moved, met, or claimed elsewhere) only fails
 * its claim.
 */
@Component
class TimerStore {

    private final MongoTemplate mongo;
    private final WorkingCalendars calendars;
    private final EscalationPolicy policy;
    private final EscalationLog escalations;
    private final EscalationProperties properties;
    private final Clock clock;
    private final DueTimers due = new DueTimers();
    private final Object scanning = new Object();
    private volatile Instant lastScan;

    TimerStore(MongoTemplate mongo, WorkingCalendars calendars, EscalationProperties properties,
            EscalationLog escalations, Clock clock) {
        this.mongo = mongo;
        this.calendars = calendars;
        this.policy = properties.policy();
        this.escalations = escalations;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Creates, updates, suspends, meets or cancels the timers of a case so that they match its facts. A met or
     * cancelled timer stays so, and facts older than those a timer was derived from never change it. The case's
     * timers are looked up by their ids, and the new ones inserted in one command.
     */
    void reconcile(EscalationCase escalationCase) {
        List<TimerSpec> specs = escalationCase.facts().timers();
        if (!specs.isEmpty()) {
            write(escalationCase, specs, lookUp(specs));
        }
    }

    /**
     * Reconciles only the timers an event changed: those whose spec differs from the spec the case's facts gave
     * before the event ({@code before}, which the timers were reconciled with then). The timers the facts did not
     * have before are inserted in one command without being looked up; should one exist after all (written by an
     * attempt that failed, or by another instance), they are looked up and reconciled as usual.
     */
    void reconcile(EscalationCase escalationCase, List<TimerSpec> before) {
        Map<String, TimerSpec> previous = before.stream()
                .collect(Collectors.toMap(TimerSpec::timerId, Function.identity()));
        List<TimerSpec> created = new ArrayList<>();
        List<TimerSpec> updated = new ArrayList<>();
        for (TimerSpec spec : escalationCase.facts().timers()) {
            TimerSpec was = previous.get(spec.timerId());
            if (was == null) {
                created.add(spec);
            }
            else if (!was.equals(spec)) {
                updated.add(spec);
            }
        }
        if (!created.isEmpty()) {
            try {
                write(escalationCase, created, Map.of());
            }
            catch (DuplicateKeyException exists) {
                updated.addAll(created);
            }
        }
        if (!updated.isEmpty()) {
            write(escalationCase, updated, lookUp(updated));
        }
    }

    private Map<String, TimerDocument> lookUp(List<TimerSpec> specs) {
        return mongo.find(Query.query(where("_id").in(specs.stream().map(TimerSpec::timerId).toList())),
                TimerDocument.class).stream().collect(Collectors.toMap(TimerDocument::getId, Function.identity()));
    }

    /** Writes the timers of the specs, given those of them that exist ({@code existing}); the others are new. */
    private void write(EscalationCase escalationCase, List<TimerSpec> specs, Map<String, TimerDocument> existing) {
        long factsVersion = escalationCase.getVersion() == null ? 0 : escalationCase.getVersion();
        List<TimerDocument> fresh = new ArrayList<>();
        List<TimerDocument> moved = new ArrayList<>();
        List<TimerDocument> changed = new ArrayList<>();
        for (TimerSpec spec : specs) {
            TimerDocument timer = existing.get(spec.timerId());
            boolean isFresh = timer == null;
            if (isFresh) {
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
            if (!timer.take(spec, factsVersion) && !isFresh) {
                continue;
            }
            if (timer.getState() == TimerState.OPEN) {
                Instant dueAt = nextDue(timer, timer.getStep());
                timer.setDueAt(dueAt);
                if (dueAt == null) {
                    timer.setState(TimerState.DONE);
                }
            }
            else {
                timer.setDueAt(null);
            }
            (isFresh ? fresh : moved).add(timer);
            changed.add(timer);
        }
        if (!fresh.isEmpty()) {
            mongo.insertAll(fresh);
        }
        saveAll(moved);
        Instant horizon = clock.instant().plus(properties.scanHorizon());
        // the escalations of the milestones this event met or cancelled close in one update per reason
        Map<String, List<String>> settled = new LinkedHashMap<>();
        for (TimerDocument timer : changed) {
            if (timer.getState() == TimerState.MET || timer.getState() == TimerState.CANCELLED) {
                if (timer.getStep() == 0 && timer.getClaim() == null) {
                    // no step fired and none is firing (a claim would have failed the version-checked write)
                    continue;
                }
                settled.computeIfAbsent(timer.getSettledBy(), why -> new ArrayList<>())
                        .addAll(Notices.raisedBy(timer));
            }
            else if (timer.getState() == TimerState.OPEN) {
                expect(timer.getId(), timer.getDueAt(), horizon);
            }
        }
        settled.forEach((why, escalationIds) -> escalations.settle(escalationIds, why));
    }

    /**
     * Saves timers read before, in one command: each replacement holds only if the timer is still the version read,
     * else the whole reconciliation fails with an optimistic-locking conflict and the caller runs again.
     */
    private void saveAll(List<TimerDocument> timers) {
        if (timers.size() == 1) {
            mongo.save(timers.get(0));
            return;
        }
        if (timers.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkMode.UNORDERED, TimerDocument.class);
        for (TimerDocument timer : timers) {
            long read = timer.getVersion();
            timer.setVersion(read + 1);
            bulk.replaceOne(Query.query(where("_id").is(timer.getId()).and(TimerDocument.VERSION).is(read)), timer);
        }
        int matched = bulk.execute().getMatchedCount();
        if (matched != timers.size()) {
            throw new OptimisticLockingFailureException((timers.size() - matched) + " of " + timers.size()
                    + " timers of case " + timers.get(0).getCaseId() + " changed meanwhile");
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
     * Claims the earliest due open timer that no other instance holds: one conditional update by id, so two
     * instances never hold the same timer. A claim left by a crashed instance lapses after the lease.
     *
     * @return the claimed timer, null if none of the timers this store knows of is due
     */
    TimerDocument claimNext(Instant now, Duration lease) {
        scanIfDue(now);
        String timerId;
        while ((timerId = due.pollDue(now)) != null) {
            TimerDocument claimed = mongo.findAndModify(Query.query(where("_id").is(timerId)
                    .and(TimerDocument.STATE).is(TimerState.OPEN).and(TimerDocument.DUE_AT).lte(now)
                    .orOperator(where(TimerDocument.CLAIMED_UNTIL).is(null),
                            where(TimerDocument.CLAIMED_UNTIL).lt(now))),
                    new Update().set(TimerDocument.CLAIMED_UNTIL, now.plus(lease))
                            .set(TimerDocument.CLAIM, UUID.randomUUID().toString()).inc(TimerDocument.VERSION, 1L),
                    FindAndModifyOptions.options().returnNew(true), TimerDocument.class);
            if (claimed != null) {
                return claimed;
            }
            expectAgain(timerId, now);
        }
        return null;
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
        boolean released = mongo.updateFirst(mine, update, TimerDocument.class).getModifiedCount() == 1;
        if (released && state == TimerState.OPEN) {
            expect(claimed.getId(), dueAt, clock.instant().plus(properties.scanHorizon()));
        }
        return released;
    }

    /**
     * Scans the store for the open timers due within the horizon, at the first call and then whenever the last scan
     * is {@code scan-interval} old; reads only their ids and due times.
     */
    private void scanIfDue(Instant now) {
        if (!scanDue(now)) {
            return;
        }
        synchronized (scanning) {
            if (!scanDue(now)) {
                return;
            }
            Query open = Query.query(where(TimerDocument.STATE).is(TimerState.OPEN).and(TimerDocument.DUE_AT)
                    .lte(now.plus(properties.scanHorizon())));
            open.fields().include(TimerDocument.DUE_AT);
            for (TimerDocument timer : mongo.find(open, TimerDocument.class)) {
                due.offer(timer.getId(), timer.getDueAt());
            }
            lastScan = now;
        }
    }

    private boolean scanDue(Instant now) {
        Instant last = lastScan;
        return last == null || !now.isBefore(last.plus(properties.scanInterval()));
    }

    /**
     * A claim failed, so the entry was stale: holds the timer again for when it can next be claimed (its due time,
     * or when another instance's claim lapses) if that is within the horizon, and not before the next run.
     */
    private void expectAgain(String timerId, Instant now) {
        TimerDocument timer = mongo.findById(timerId, TimerDocument.class);
        if (timer == null || timer.getState() != TimerState.OPEN || timer.getDueAt() == null) {
            return;
        }
        Instant next = timer.getDueAt();
        if (timer.getClaimedUntil() != null && timer.getClaimedUntil().plusMillis(1).isAfter(next)) {
            // a claim holds until claimedUntil, inclusive; the store keeps milliseconds
            next = timer.getClaimedUntil().plusMillis(1);
        }
        if (!next.isAfter(now)) {
            // it changed between the claim and this read: the next run tries it again
            next = now.plusMillis(1);
        }
        expect(timerId, next, now.plus(properties.scanHorizon()));
    }

    /** Holds a timer due by the end of the horizon; a later one is found by a scan in time. */
    private void expect(String timerId, Instant dueAt, Instant horizon) {
        if (dueAt != null && !dueAt.isAfter(horizon)) {
            due.offer(timerId, dueAt);
        }
    }

    List<TimerDocument> ofCase(String caseId) {
        return mongo.find(Query.query(where("caseId").is(caseId)).with(Sort.by("_id")), TimerDocument.class);
    }
}

package org.hotline.escalation.timers;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.hotline.escalation.timers.domain.Escalation;
import org.hotline.escalation.timers.domain.EscalationLadder;
import org.hotline.events.HotlineEvent;
import org.hotline.events.feedback.CaseClosed;
import org.hotline.events.feedback.CaseResolved;
import org.hotline.events.feedback.FeedbackDelivered;
import org.hotline.events.intake.CaseOpened;
import org.hotline.events.routing.AssignmentRejected;
import org.hotline.events.routing.CaseAccepted;
import org.hotline.events.routing.CaseAssigned;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Limit;
import org.hotline.support.outbox.RetryOnConflict;
import org.springframework.stereotype.Service;

/**
 * Keeps each case's deadline timers in step with what happens to the case, and escalates the case when a deadline
 * passes unmet or when it is an emergency.
 */
@Service
class EscalationService {

    private static final Logger log = LoggerFactory.getLogger(EscalationService.class);

    /** How many batches one poll fires at most, so a poll always ends. */
    private static final int MAX_BATCHES_PER_POLL = 20;

    private final EscalationCaseRepository cases;
    private final EscalationProperties properties;
    private final EscalationLadder ladder;
    private final Clock clock;

    EscalationService(EscalationCaseRepository cases, EscalationProperties properties, Clock clock) {
        this.cases = cases;
        this.properties = properties;
        this.ladder = properties.escalationLadder();
        this.clock = clock;
    }

    @RetryOnConflict
    void opened(CaseOpened opened) {
        change(opened, c -> c.opened(opened, properties.commandCentre(), clock.instant())
                .ifPresent(e -> log.info("Case {} is an emergency: escalated to {}", opened.caseId(),
                        e.escalatedTo())));
    }

    @RetryOnConflict
    void assigned(CaseAssigned assigned) {
        change(assigned, c -> c.assigned(assigned));
    }

    @RetryOnConflict
    void accepted(CaseAccepted accepted) {
        change(accepted, c -> c.accepted(accepted.assignmentId(), accepted.occurredAt()));
    }

    @RetryOnConflict
    void rejected(AssignmentRejected rejected) {
        change(rejected, c -> c.rejected(rejected.assignmentId(), rejected.occurredAt()));
    }

    @RetryOnConflict
    void resolved(CaseResolved resolved) {
        change(resolved, c -> c.resolved(resolved.occurredAt()));
    }

    @RetryOnConflict
    void feedbackDelivered(FeedbackDelivered delivered) {
        change(delivered, c -> c.feedbackDelivered(delivered.occurredAt()));
    }

    @RetryOnConflict
    void closed(CaseClosed closed) {
        change(closed, c -> c.closed(closed.occurredAt()));
    }

    /**
     * Applies an event to its case once: the case's document remembers the events it has handled. Whichever event
     * of a case arrives first starts its document. Events of one case arrive on several topics at once; the caller's
     * {@link RetryOnConflict} redoes a change that lost the race, on a fresh copy.
     */
    private void change(HotlineEvent event, Consumer<EscalationCase> change) {
        EscalationCase escalationCase = cases.findById(event.caseId()).orElseGet(() -> EscalationCase.of(event));
        if (escalationCase.firstDelivery(event.eventId())) {
            change.accept(escalationCase);
            cases.save(escalationCase);
        }
    }

    /**
     * Escalates every case with a deadline that has passed. When another instance fired a case first, this one
     * skips it.
     *
     * @return the number of escalations
     */
    int fireDueTimers() {
        int escalated = 0;
        for (int batch = 0; batch < MAX_BATCHES_PER_POLL; batch++) {
            Instant now = clock.instant();
            List<EscalationCase> due = cases.findByNextDueAtLessThanEqualOrderByNextDueAtAsc(now,
                    Limit.of(properties.batchSize()));
            int fired = 0;
            for (EscalationCase escalationCase : due) {
                fired += fire(escalationCase, now);
            }
            escalated += fired;
            if (due.size() < properties.batchSize() || fired == 0) {
                break;
            }
        }
        return escalated;
    }

    private int fire(EscalationCase escalationCase, Instant now) {
        try {
            List<Escalation> fired = escalationCase.fireDue(now, ladder);
            cases.save(escalationCase);
            fired.forEach(e -> log.info("Case {} escalated to {} (level {}): {} of assignment {} passed at {}",
                    escalationCase.getId(), e.escalatedTo(), e.level(), e.reason(), e.assignmentId(), e.deadline()));
            return fired.size();
        }
        catch (OptimisticLockingFailureException ex) {
            log.debug("Case {} changed meanwhile; its due timers are fired by the next poll or another instance",
                    escalationCase.getId());
            return 0;
        }
        catch (RuntimeException ex) {
            log.warn("Cannot fire the due timers of case {}; the next poll tries again: {}", escalationCase.getId(),
                    ex.toString());
            return 0;
        }
    }

    Optional<EscalationCase> find(String caseId) {
        return cases.findById(caseId);
    }

    List<EscalationCase> pending(int limit) {
        return cases.findByNextDueAtNotNullOrderByNextDueAtAsc(Limit.of(limit));
    }

    List<EscalationCase> escalatedSince(Instant since, int limit) {
        return cases.findByLastEscalatedAtGreaterThanEqualOrderByLastEscalatedAtDesc(since, Limit.of(limit));
    }
}

package org.hotline.escalation.timers;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.hotline.escalation.calendar.WorkingCalendars;
import org.hotline.escalation.supervision.EscalationLog;
import org.hotline.escalation.timers.domain.CaseFacts;
import org.hotline.events.HotlineEvent;
import org.hotline.events.Urgency;
import org.hotline.events.feedback.CallbackCompleted;
import org.hotline.events.feedback.CaseClosed;
import org.hotline.events.feedback.CaseReopened;
import org.hotline.events.feedback.CaseResolved;
import org.hotline.events.feedback.FeedbackDelivered;
import org.hotline.events.intake.CaseOpened;
import org.hotline.events.routing.AssignmentRejected;
import org.hotline.events.routing.CaseAccepted;
import org.hotline.events.routing.CaseAssigned;
import org.hotline.events.routing.CaseOnHold;
import org.hotline.events.routing.CaseProgressed;
import org.hotline.events.routing.DeadlinesChanged;
import org.hotline.support.outbox.RetryOnConflict;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;

/**
 * Keeps each case's facts and timers in step with its events, and sends emergencies to the command centre at once.
 */
@Service
class EscalationService {

    private final EscalationCaseRepository cases;
    private final MongoTemplate mongo;
    private final TimerStore timers;
    private final EscalationLog escalations;
    private final WorkingCalendars calendars;
    private final EscalationProperties properties;
    private final Clock clock;

    EscalationService(EscalationCaseRepository cases, MongoTemplate mongo, TimerStore timers, EscalationLog escalations,
            WorkingCalendars calendars, EscalationProperties properties, Clock clock) {
        this.cases = cases;
        this.mongo = mongo;
        this.timers = timers;
        this.escalations = escalations;
        this.calendars = calendars;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Applies an event to its case once (the case document remembers the events it handled), then brings the
     * timers the event changed in line with the case's facts. Store round trips are the cost per event, so:
     * <ul>
     * <li>a CaseOpened that is no emergency is one upsert, with no read ({@link #recordOpened});</li>
     * <li>an event that leaves a known case's facts as they were (a progress report that meets no milestone, a
     * callback that did not reach the caller, a fact already known) writes nothing; it needs no remembering either,
     * since applying it again changes nothing again;</li>
     * <li>only the timers whose derived spec the event changed are written, and a timer the facts did not have before
     * is inserted without being looked up first;</li>
     * <li>an emergency's first alert is recorded first of all, before the case is saved, and the outbox relay
     * publishes it straight away (its id is the alert's, so recording it again on a retry changes nothing).</li>
     * </ul>
     * A redelivery changes no facts but reconciles every timer of the case, and records the emergency alert again if
     * it is one: an attempt that failed after saving the facts is completed by the next one.
     */
    @RetryOnConflict
    void handle(HotlineEvent event) {
        if (event instanceof CaseOpened opened && opened.urgency() != Urgency.EMERGENCY && recordOpened(opened)) {
            return;
        }
        Optional<EscalationCase> stored = cases.findById(event.caseId());
        EscalationCase escalationCase = stored.orElseGet(() -> EscalationCase.of(event));
        if (!escalationCase.firstDelivery(event.eventId())) {
            alertIfEmergency(event, escalationCase);
            timers.reconcile(escalationCase);
            return;
        }
        CaseFacts before = escalationCase.facts().copy();
        boolean correlated = escalationCase.correlate(event);
        apply(escalationCase.facts(), event);
        if (stored.isPresent() && !correlated && before.equals(escalationCase.facts())) {
            return;
        }
        alertIfEmergency(event, escalationCase);
        escalationCase = cases.save(escalationCase);
        timers.reconcile(escalationCase, before.timers());
    }

    /**
     * A CaseOpened that is no emergency sets facts no timer depends on (category, opening time, opening event): one
     * upsert writes them and remembers the event, without reading the case first, whether or not events of the case
     * came before it. Only if those made the case an emergency already (an emergency assignment) does its emergency
     * timer follow, reconciled as after any event.
     *
     * @return false if the event was handled before (the upsert met the case holding its id), to be handled as any
     *         redelivery
     */
    private boolean recordOpened(CaseOpened opened) {
        String eventId = opened.eventId().toString();
        String correlationId = opened.envelope().correlationId();
        Update update = new Update().set("facts.category", opened.category())
                .set("facts.openedAt", opened.occurredAt().truncatedTo(ChronoUnit.MILLIS))
                .set("facts.openedEventId", eventId).setOnInsert("facts.caseId", opened.caseId())
                .setOnInsert("correlationId", correlationId).push("handledEventIds", eventId).inc("version", 1L);
        EscalationCase escalationCase;
        try {
            escalationCase = mongo.findAndModify(Query.query(where("_id").is(opened.caseId())
                    .and("handledEventIds").ne(eventId)), update, FindAndModifyOptions.options().upsert(true)
                            .returnNew(true), EscalationCase.class);
        }
        catch (DuplicateKeyException handledBefore) {
            return false;
        }
        if (escalationCase.correlate(opened)) {
            // the events before it carried none
            mongo.updateFirst(Query.query(where("_id").is(opened.caseId()).and("correlationId").is(null)),
                    new Update().set("correlationId", correlationId).inc("version", 1L), EscalationCase.class);
        }
        if (escalationCase.facts().emergency()) {
            timers.reconcile(escalationCase);
        }
        return true;
    }

    private void alertIfEmergency(HotlineEvent event, EscalationCase escalationCase) {
        if (event instanceof CaseOpened opened && opened.urgency() == Urgency.EMERGENCY) {
            escalations.record(Notices.emergency(opened.caseId(), escalationCase.getCorrelationId(),
                    opened.eventId().toString(), escalationCase.facts().openedAt(), 0,
                    properties.emergencyPlan(opened.category()), properties.policy(), clock.instant()));
        }
    }

    private void apply(CaseFacts facts, HotlineEvent event) {
        if (event instanceof CaseOpened e) {
            facts.opened(e.urgency(), e.category(), e.occurredAt(), e.eventId().toString());
        }
        else if (event instanceof CaseAssigned e) {
            facts.assigned(e);
        }
        else if (event instanceof CaseAccepted e) {
            facts.accepted(e.assignmentId(), e.occurredAt());
        }
        else if (event instanceof CaseProgressed e) {
            facts.progressed(e.assignmentId(), e.reached(), e.occurredAt());
        }
        else if (event instanceof AssignmentRejected e) {
            facts.rejected(e.assignmentId());
        }
        else if (event instanceof CaseOnHold e) {
            facts.onHold(e.assignmentId(), e.occurredAt());
        }
        else if (event instanceof DeadlinesChanged e) {
            facts.deadlinesChanged(e.assignmentId(), e.deadlines(), e.change(), e.occurredAt(),
                    e.eventId().toString());
        }
        else if (event instanceof CaseResolved e) {
            facts.resolved(e.occurredAt(), e.departmentCode(), calendars.current().plusWorkingDays(e.occurredAt(),
                    properties.afterActionReview().workingDays()));
        }
        else if (event instanceof FeedbackDelivered e) {
            facts.feedbackDelivered(e.occurredAt());
        }
        else if (event instanceof CallbackCompleted e && e.reached()) {
            facts.callbackDone(e.occurredAt());
        }
        else if (event instanceof CaseReopened e) {
            // the caller answered the callback, unsatisfied
            facts.callbackDone(e.occurredAt());
        }
        else if (event instanceof CaseClosed e) {
            facts.closed(e.occurredAt());
        }
    }

    /** Files the after-action review of an emergency and meets its milestone. */
    @RetryOnConflict
    EscalationCase fileReview(String caseId, String departmentCode, String cause, String measures) {
        EscalationCase escalationCase = cases.findById(caseId).orElseThrow(() -> problem(HttpStatus.NOT_FOUND,
                "Unknown case", "No events of case " + caseId + " have arrived"));
        if (!escalationCase.facts().emergency()) {
            throw problem(HttpStatus.CONFLICT, "Not an emergency",
                    "Case " + caseId + " is not an emergency: it owes no after-action review");
        }
        if (escalationCase.getReview() != null) {
            throw problem(HttpStatus.CONFLICT, "Review already filed",
                    "The after-action review of case " + caseId + " was filed before");
        }
        Instant now = clock.instant();
        escalationCase.fileReview(departmentCode, cause, measures, now, "after-action-review:" + caseId);
        EscalationCase saved = cases.save(escalationCase);
        timers.reconcile(saved);
        return saved;
    }

    Optional<EscalationCase> find(String caseId) {
        return cases.findById(caseId);
    }

    private static ErrorResponseException problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return new ErrorResponseException(status, problem, null);
    }
}

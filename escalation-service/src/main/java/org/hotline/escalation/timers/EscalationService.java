package org.hotline.escalation.timers;

import java.time.Clock;
import java.time.Instant;
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
    private final TimerStore timers;
    private final EscalationLog escalations;
    private final WorkingCalendars calendars;
    private final EscalationProperties properties;
    private final Clock clock;

    EscalationService(EscalationCaseRepository cases, TimerStore timers, EscalationLog escalations,
            WorkingCalendars calendars, EscalationProperties properties, Clock clock) {
        this.cases = cases;
        this.timers = timers;
        this.escalations = escalations;
        this.calendars = calendars;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Applies an event to its case once (the case document remembers the events it handled), then brings the
     * case's timers in line with its facts. The timers are reconciled on a redelivery too, so an attempt that failed
     * after saving the facts is completed by the next one. An emergency's first alert is recorded here, not by the
     * poller, and the outbox relay publishes it straight away.
     */
    @RetryOnConflict
    void handle(HotlineEvent event) {
        EscalationCase escalationCase = cases.findById(event.caseId()).orElseGet(() -> EscalationCase.of(event));
        if (escalationCase.firstDelivery(event.eventId())) {
            escalationCase.correlate(event);
            apply(escalationCase.facts(), event);
            escalationCase = cases.save(escalationCase);
        }
        if (event instanceof CaseOpened opened && opened.urgency() == Urgency.EMERGENCY) {
            escalations.record(Notices.emergency(opened.caseId(), escalationCase.getCorrelationId(),
                    opened.eventId().toString(), escalationCase.facts().openedAt(), 0,
                    properties.emergencyPlan(opened.category()), properties.policy(), clock.instant()));
        }
        timers.reconcile(escalationCase);
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

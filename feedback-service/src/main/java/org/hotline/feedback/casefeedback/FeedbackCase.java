package org.hotline.feedback.casefeedback;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.hotline.events.CaseKind;
import org.hotline.events.EventEnvelope;
import org.hotline.events.FeedbackChannel;
import org.hotline.events.Satisfaction;
import org.hotline.events.Urgency;
import org.hotline.events.feedback.CallbackCompleted;
import org.hotline.events.feedback.CaseClosed;
import org.hotline.events.feedback.CaseOutcome;
import org.hotline.events.feedback.CaseReopened;
import org.hotline.events.feedback.CaseResolved;
import org.hotline.events.feedback.FeedbackDelivered;
import org.hotline.events.intake.CaseOpened;
import org.hotline.events.intake.SealedContact;
import org.hotline.events.routing.CaseAssigned;
import org.hotline.feedback.lifecycle.CallbackDecision;
import org.hotline.feedback.lifecycle.CaseLifecycle;
import org.hotline.feedback.lifecycle.CaseState;
import org.hotline.support.outbox.AggregateRoot;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A case as the feedback desk sees it: who handles it, its results, what the caller was told and how satisfied they
 * were. Built from the events of intake and routing in whatever order they arrive, and changed by the desk's own
 * actions, whose events wait in this document's outbox.
 */
@Document("feedback_cases")
class FeedbackCase extends AggregateRoot {

    static final String SOURCE = "feedback-service";

    /** How many request keys a case remembers to recognise a repeated request. */
    static final int REMEMBERED_REQUESTS = 50;

    /**
     * What the desk knows about the caller: an opaque reference, masked contact for display, and the contact details
     * still sealed with this service's key (opened only when the caller must be reached, never stored opened).
     */
    record Caller(String ref, boolean anonymous, FeedbackChannel preferredChannel, String maskedName,
            String maskedPhone, SealedContact contact) {
    }

    /** A department that was given the case. */
    record AssignmentRecord(String assignmentId, String departmentCode, Instant assignedAt) {
    }

    /**
     * A result: what was done and the measures taken.
     *
     * @param departmentCode null for an answer given on the spot
     * @param round 0 for the first handling, then the number of times the caller sent the case back
     */
    record Result(String departmentCode, String summary, String measures, boolean onTheSpot, int round,
            Instant reportedAt) {
    }

    /** The result was fed back to the caller. */
    record Feedback(FeedbackChannel channel, String operatorId, Instant deliveredAt) {
    }

    /** A satisfaction callback and what it led to: closing the case, or sending it back. */
    record Callback(Satisfaction satisfaction, String comment, String operatorId, Instant calledAt,
            CaseState led) {
    }

    @Id
    private String id;
    private String trackingNumber;
    private String correlationId;
    private Caller caller;
    private CaseKind kind;
    private Urgency urgency;
    private Instant openedAt;
    @Indexed
    private CaseState state;
    private String departmentCode;
    private String assignmentId;
    private List<AssignmentRecord> assignments = new ArrayList<>();
    private List<Result> results = new ArrayList<>();
    private List<Feedback> feedback = new ArrayList<>();
    private List<Callback> callbacks = new ArrayList<>();
    private int reopenCount;
    private CaseOutcome outcome;
    private Instant resolvedAt;
    private Instant closedAt;
    private List<String> requestKeys = new ArrayList<>();

    FeedbackCase() {
    }

    /** A case the desk hears of for the first time, from whichever of its events arrives first. */
    static FeedbackCase first(String caseId) {
        FeedbackCase feedbackCase = new FeedbackCase();
        feedbackCase.id = caseId;
        return feedbackCase;
    }

    void opened(CaseOpened opened, CaseLifecycle lifecycle) {
        trackingNumber = opened.trackingNumber();
        if (opened.envelope().correlationId() != null) {
            correlationId = opened.envelope().correlationId();
        }
        if (opened.caller() != null) {
            caller = new Caller(opened.caller().callerRef(), opened.caller().anonymous(),
                    opened.caller().preferredFeedbackChannel(), opened.caller().maskedName(),
                    opened.caller().maskedPhone(), opened.caller().contact());
        }
        kind = opened.kind();
        urgency = opened.urgency();
        openedAt = opened.receivedAt() != null ? opened.receivedAt() : opened.occurredAt();
        state = lifecycle.opened(state);
    }

    /**
     * The department now in charge. Assignments arrive in order, so the latest one names the department, even when
     * the case was resolved before it arrived.
     */
    void assigned(CaseAssigned assigned, CaseLifecycle lifecycle) {
        correlate(assigned.envelope());
        assignments.add(new AssignmentRecord(assigned.assignmentId(), assigned.departmentCode(),
                assigned.occurredAt()));
        departmentCode = assigned.departmentCode();
        assignmentId = assigned.assignmentId();
        if (kind == null) {
            kind = assigned.kind();
            urgency = assigned.urgency();
        }
        state = lifecycle.assigned(state);
    }

    /** Another service resolved the case, e.g. the operator answered the caller on the spot. */
    void resolvedElsewhere(CaseResolved resolved, CaseLifecycle lifecycle) {
        correlate(resolved.envelope());
        CaseState next = lifecycle.resolvedElsewhere(state);
        if (next == state) {
            return;
        }
        results.add(new Result(resolved.departmentCode(), resolved.summary(), resolved.measures(),
                resolved.onTheSpot(), reopenCount, resolved.occurredAt()));
        state = next;
        resolvedAt = resolved.occurredAt();
    }

    void reportResult(CaseLifecycle lifecycle, String department, String summary, String measures, Instant now,
            String causationId) {
        state = lifecycle.reportResult(current(), departmentCode, department);
        results.add(new Result(department, summary, measures, false, reopenCount, now));
        resolvedAt = now;
        raise(new CaseResolved(envelope(causationId, now), department, summary, measures, false));
    }

    void deliverFeedback(CaseLifecycle lifecycle, FeedbackChannel requested, String operatorId, Instant now,
            String causationId) {
        FeedbackChannel channel = lifecycle.deliverFeedback(current(), requested,
                caller == null ? null : caller.preferredChannel());
        feedback.add(new Feedback(channel, operatorId, now));
        state = CaseState.FEEDBACK_DELIVERED;
        raise(new FeedbackDelivered(envelope(causationId, now), channel, operatorId));
    }

    void callback(CaseLifecycle lifecycle, Satisfaction satisfaction, String comment, String operatorId,
            Instant now, String causationId) {
        CallbackDecision decision = lifecycle.callback(current(), caller == null ? null : caller.anonymous(),
                reopenCount, satisfaction, comment);
        callbacks.add(new Callback(satisfaction, comment, operatorId, now, decision.next()));
        CallbackCompleted completed = new CallbackCompleted(envelope(causationId, now), satisfaction, operatorId);
        raise(completed);
        EventEnvelope next = EventEnvelope.causedBy(completed.envelope(), now, SOURCE);
        state = decision.next();
        reopenCount = decision.reopenCount();
        if (decision.reopens()) {
            raise(new CaseReopened(next, departmentCode, comment, reopenCount));
        }
        else {
            outcome = decision.outcome();
            closedAt = now;
            raise(new CaseClosed(next, outcome));
        }
    }

    /** Records a request's idempotency key; false if the same request was handled before. */
    boolean firstRequest(String key) {
        if (requestKeys.contains(key)) {
            return false;
        }
        requestKeys.add(key);
        if (requestKeys.size() > REMEMBERED_REQUESTS) {
            requestKeys.remove(0);
        }
        return true;
    }

    private CaseState current() {
        return state == null ? CaseState.OPEN : state;
    }

    private void correlate(EventEnvelope envelope) {
        if (correlationId == null && envelope.correlationId() != null) {
            correlationId = envelope.correlationId();
        }
    }

    private EventEnvelope envelope(String causationId, Instant now) {
        return EventEnvelope.caused(id, correlationId, causationId, now, SOURCE);
    }

    String getId() {
        return id;
    }

    String getTrackingNumber() {
        return trackingNumber;
    }

    String getCorrelationId() {
        return correlationId;
    }

    Caller getCaller() {
        return caller;
    }

    CaseKind getKind() {
        return kind;
    }

    Urgency getUrgency() {
        return urgency;
    }

    Instant getOpenedAt() {
        return openedAt;
    }

    CaseState getState() {
        return state;
    }

    String getDepartmentCode() {
        return departmentCode;
    }

    String getAssignmentId() {
        return assignmentId;
    }

    List<AssignmentRecord> getAssignments() {
        return List.copyOf(assignments);
    }

    List<Result> getResults() {
        return List.copyOf(results);
    }

    List<Feedback> getFeedback() {
        return List.copyOf(feedback);
    }

    List<Callback> getCallbacks() {
        return List.copyOf(callbacks);
    }

    int getReopenCount() {
        return reopenCount;
    }

    CaseOutcome getOutcome() {
        return outcome;
    }

    Instant getResolvedAt() {
        return resolvedAt;
    }

    Instant getClosedAt() {
        return closedAt;
    }
}

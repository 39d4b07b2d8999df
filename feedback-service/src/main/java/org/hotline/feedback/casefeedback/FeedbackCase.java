package org.hotline.feedback.casefeedback;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

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
import org.hotline.events.feedback.ResolutionOutcome;
import org.hotline.events.intake.CaseOpened;
import org.hotline.events.intake.SealedContact;
import org.hotline.events.routing.AssignedDepartment;
import org.hotline.events.routing.CaseAssigned;
import org.hotline.events.routing.DepartmentRole;
import org.hotline.feedback.delivery.FeedbackSender.Delivery;
import org.hotline.feedback.lifecycle.CallbackDecision;
import org.hotline.feedback.lifecycle.CaseLifecycle;
import org.hotline.feedback.lifecycle.CaseState;
import org.hotline.feedback.lifecycle.ResultReport;
import org.hotline.support.outbox.AggregateRoot;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A case as the feedback desk sees it: who handles it, the departments' results and contributions, the supervisor's
 * review, what the caller was told and how satisfied they were. Built from the events of intake and routing in
 * whatever order they arrive, and changed by the desk's own actions, whose events wait in this document's outbox.
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
            String maskedPhone, String maskedEmail, SealedContact contact) {
    }

    /** A department that was given the case, with its role; {@code assignedAt} is the assignment's time. */
    record AssignmentRecord(String assignmentId, String departmentCode, DepartmentRole role, Instant assignedAt) {
    }

    /** An assisting department's part of a complex case, for the lead department to consolidate. */
    record Contribution(String departmentCode, String summary, String measures, List<String> attachments, int round,
            Instant reportedAt) {
    }

    /**
     * A result: what the handling achieved and what was done.
     *
     * @param departmentCode null for an answer given on the spot
     * @param round 0 for the first handling, then the number of times the caller sent the case back
     */
    record Result(String departmentCode, ResolutionOutcome outcome, String summary, String measures, String reason,
            String alternativeOffered, List<String> attachments, List<String> contributingDepartments,
            String approvedBy, boolean onTheSpot, int round, Instant reportedAt) {

        Result approvedBy(String supervisorId) {
            return new Result(departmentCode, outcome, summary, measures, reason, alternativeOffered, attachments,
                    contributingDepartments, supervisorId, onTheSpot, round, reportedAt);
        }
    }

    /** A supervisor's review of a consolidated result: approved, or returned with a reason. */
    record Review(String supervisorId, boolean approved, String reason, Instant reviewedAt) {
    }

    /** The result was fed back to the caller, by a gateway or an operator, after so many attempts. */
    record Feedback(FeedbackChannel channel, String deliveredBy, int attempts, int round, Instant deliveredAt) {
    }

    /** A satisfaction callback attempt and what it led to. */
    record Callback(boolean reached, Satisfaction satisfaction, Integer score, String comment, String operatorId,
            int attempt, int round, Instant calledAt, CaseState led) {
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
    private List<String> assistingDepartments = new ArrayList<>();
    private Instant assignedAt;
    private Instant replyBy;
    private Instant callbackBy;
    private List<AssignmentRecord> assignments = new ArrayList<>();
    private List<Contribution> contributions = new ArrayList<>();
    private Result pendingResult;
    private List<Review> reviews = new ArrayList<>();
    private List<Result> results = new ArrayList<>();
    @Indexed
    private FeedbackStatus feedbackStatus = FeedbackStatus.NONE;
    private String feedbackNote;
    private Instant dispatchLeaseUntil;
    private int feedbackAttempts;
    private List<Feedback> feedback = new ArrayList<>();
    private List<Callback> callbacks = new ArrayList<>();
    private int reopenCount;
    private boolean withSupervisor;
    private CaseOutcome outcome;
    private String closedBy;
    private String closingNote;
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
                    opened.caller().maskedPhone(), opened.caller().maskedEmail(), opened.caller().contact());
        }
        kind = opened.kind();
        urgency = opened.urgency();
        openedAt = opened.receivedAt() != null ? opened.receivedAt() : opened.occurredAt();
        state = lifecycle.opened(state);
        if (feedbackStatus == FeedbackStatus.WAITING_FOR_CALLER) {
            Result last = results.get(results.size() - 1);
            afterResolution(last.onTheSpot(), opened.occurredAt(), opened.envelope());
        }
    }

    /**
     * A department assignment. The newest one (by its time) names the departments in charge, whatever order the
     * assignments arrive in; older ones only join the history.
     */
    void assigned(CaseAssigned assigned, CaseLifecycle lifecycle) {
        correlate(assigned.envelope());
        List<AssignedDepartment> all = assigned.assignments() == null || assigned.assignments().isEmpty()
                ? List.of(new AssignedDepartment(assigned.assignmentId(), assigned.departmentCode(),
                        DepartmentRole.LEAD))
                : assigned.assignments();
        all.forEach(a -> assignments.add(new AssignmentRecord(a.assignmentId(), a.departmentCode(), a.role(),
                assigned.occurredAt())));
        if (kind == null) {
            kind = assigned.kind();
            urgency = assigned.urgency();
        }
        if (assignedAt != null && !assigned.occurredAt().isAfter(assignedAt)) {
            return;
        }
        assignedAt = assigned.occurredAt();
        departmentCode = assigned.departmentCode();
        assignmentId = assigned.assignmentId();
        assistingDepartments = new ArrayList<>(assigned.assistingDepartments());
        if (assigned.deadlines() != null) {
            replyBy = assigned.deadlines().replyBy();
            callbackBy = assigned.deadlines().callbackBy();
        }
        CaseState next = lifecycle.assigned(state);
        if (state == CaseState.IN_REVIEW && next != state) {
            pendingResult = null;
        }
        state = next;
    }

    /** Another service resolved the case, e.g. the operator answered the caller on the spot. */
    void resolvedElsewhere(CaseResolved resolved, CaseLifecycle lifecycle) {
        correlate(resolved.envelope());
        CaseState next = lifecycle.resolvedElsewhere(state);
        if (next == state) {
            return;
        }
        results.add(new Result(resolved.departmentCode(), resolved.outcome(), resolved.summary(),
                resolved.measures(), resolved.reason(), resolved.alternativeOffered(), listOrEmpty(
                        resolved.attachments()), listOrEmpty(resolved.contributingDepartments()),
                resolved.approvedBy(), resolved.onTheSpot(), reopenCount, resolved.occurredAt()));
        pendingResult = null;
        state = next;
        resolvedAt = resolved.occurredAt();
        afterResolution(resolved.onTheSpot(), resolved.occurredAt(), resolved.envelope());
    }

    /**
     * The lead department reports its result. A simple case is resolved at once; a complex one (with assisting
     * departments) consolidates their contributions and waits for a supervisor's review.
     */
    void reportResult(CaseLifecycle lifecycle, String department, ResultReport report, Instant now,
            String causationId) {
        report.validated();
        List<String> contributed = contributedThisRound();
        CaseState next = lifecycle.reportResult(current(), departmentCode, department,
                !assistingDepartments.isEmpty(), assistingDepartments.stream()
                        .filter(d -> !contributed.contains(d)).toList());
        Result result = new Result(department, report.outcome(), report.summary(), report.measures(),
                report.reason(), report.alternativeOffered(), report.attachments(), contributed, null, false,
                reopenCount, now);
        if (next == CaseState.IN_REVIEW) {
            pendingResult = result;
            state = next;
        }
        else {
            resolve(result, now, causationId);
        }
    }

    /** An assisting department's part; a later contribution of the same department in the same round replaces it. */
    void contribute(CaseLifecycle lifecycle, String department, String summary, String measures,
            List<String> attachments, Instant now) {
        lifecycle.contribute(current(), assistingDepartments, department);
        contributions.removeIf(c -> c.departmentCode().equals(department) && c.round() == reopenCount);
        contributions.add(new Contribution(department, summary, measures, listOrEmpty(attachments), reopenCount,
                now));
    }

    /** A supervisor approves the consolidated result: it is the case's result now. */
    void approve(CaseLifecycle lifecycle, String supervisorId, Instant now, String causationId) {
        lifecycle.approve(current());
        reviews.add(new Review(supervisorId, true, null, now));
        Result approved = pendingResult.approvedBy(supervisorId);
        pendingResult = null;
        resolve(approved, now, causationId);
    }

    /** A supervisor returns the consolidated result to the lead department with the reason. */
    void giveBack(CaseLifecycle lifecycle, String supervisorId, String reason, Instant now) {
        state = lifecycle.giveBack(current());
        reviews.add(new Review(supervisorId, false, reason, now));
        pendingResult = null;
    }

    private void resolve(Result result, Instant now, String causationId) {
        results.add(result);
        resolvedAt = now;
        state = CaseState.RESOLVED;
        CaseResolved resolved = new CaseResolved(envelope(causationId, now), result.departmentCode(),
                result.outcome(), result.summary(), result.measures(), result.reason(), result.alternativeOffered(),
                result.contributingDepartments(), result.approvedBy(), result.attachments(), false);
        raise(resolved);
        afterResolution(false, now, resolved.envelope());
    }

    /**
     * What follows a result: an anonymous caller cannot be told and the case closes; an answer given on the spot
     * was heard already; anyone else is told through the gateways or by an operator.
     */
    private void afterResolution(boolean onTheSpot, Instant now, EventEnvelope cause) {
        feedbackAttempts = 0;
        feedbackNote = null;
        dispatchLeaseUntil = null;
        if (caller == null) {
            feedbackStatus = FeedbackStatus.WAITING_FOR_CALLER;
        }
        else if (caller.anonymous()) {
            feedbackStatus = FeedbackStatus.NOT_NEEDED;
            if (state.resolved()) {
                state = CaseState.CLOSED;
                outcome = CaseOutcome.ANONYMOUS;
                closedAt = now;
                raise(new CaseClosed(EventEnvelope.causedBy(cause, now, SOURCE), outcome));
            }
        }
        else {
            feedbackStatus = onTheSpot ? FeedbackStatus.NOT_NEEDED : FeedbackStatus.PENDING;
        }
    }

    /** Whether the result waits to be fed back through the gateways. */
    boolean dueForDelivery() {
        return state == CaseState.RESOLVED && feedbackStatus == FeedbackStatus.PENDING;
    }

    /** Takes the case for a delivery run until {@code now + lease}; false if it is not due or taken already. */
    boolean claimForDelivery(Instant now, Duration lease) {
        if (!dueForDelivery() || dispatchLeaseUntil != null && dispatchLeaseUntil.isAfter(now)) {
            return false;
        }
        dispatchLeaseUntil = now.plus(lease);
        return true;
    }

    /** The gateways' delivery run ended: the caller was told, or the case goes to the operators' worklist. */
    void deliveredAutomatically(Delivery delivery, Instant now, String causationId) {
        if (feedbackStatus != FeedbackStatus.PENDING) {
            return;
        }
        dispatchLeaseUntil = null;
        feedbackAttempts += delivery.attempts();
        if (!delivery.delivered()) {
            toWorklist("every automatic channel failed");
            return;
        }
        delivered(delivery.channel(), delivery.deliveredBy(), now, causationId);
    }

    /** The case needs an operator to tell the caller, for the reason given. */
    void toWorklist(String note) {
        dispatchLeaseUntil = null;
        feedbackStatus = FeedbackStatus.ON_WORKLIST;
        feedbackNote = note;
    }

    /** An operator told the caller (phone, letter, in person, or any other channel they used). */
    void deliverFeedback(CaseLifecycle lifecycle, FeedbackChannel requested, String operatorId, Instant now,
            String causationId) {
        FeedbackChannel channel = lifecycle.deliverFeedback(current(), caller == null ? null : caller.anonymous(),
                requested, caller == null ? null : caller.preferredChannel());
        feedbackAttempts++;
        delivered(channel, operatorId, now, causationId);
    }

    private void delivered(FeedbackChannel channel, String deliveredBy, Instant now, String causationId) {
        feedback.add(new Feedback(channel, deliveredBy, feedbackAttempts, reopenCount, now));
        feedbackStatus = FeedbackStatus.DELIVERED;
        feedbackNote = null;
        if (state == CaseState.RESOLVED) {
            state = CaseState.FEEDBACK_DELIVERED;
        }
        raise(new FeedbackDelivered(envelope(causationId, now), channel, deliveredBy, feedbackAttempts));
    }

    /**
     * A satisfaction callback attempt. Attempts that did not reach the caller count once per day (in {@code zone}):
     * a second try on the same day does not bring the case closer to closing as unreachable.
     */
    void callback(CaseLifecycle lifecycle, boolean reached, Satisfaction satisfaction, Integer score, String comment,
            String operatorId, Instant now, ZoneId zone, String causationId) {
        Set<LocalDate> days = callbacksThisRound().stream().filter(c -> !c.reached())
                .map(c -> c.calledAt().atZone(zone).toLocalDate()).collect(Collectors.toSet());
        if (!reached) {
            days.add(now.atZone(zone).toLocalDate());
        }
        CallbackDecision decision = lifecycle.callback(current(), caller == null ? null : caller.anonymous(),
                reopenCount, reached, satisfaction, score, comment, days.size());
        int attempt = callbacksThisRound().size() + 1;
        callbacks.add(new Callback(reached, satisfaction, score, comment, operatorId, attempt, reopenCount, now,
                decision.next()));
        CallbackCompleted completed = new CallbackCompleted(envelope(causationId, now), reached, satisfaction,
                score, comment, attempt, operatorId);
        raise(completed);
        EventEnvelope next = EventEnvelope.causedBy(completed.envelope(), now, SOURCE);
        state = decision.next();
        if (decision.reopens()) {
            reopenCount = decision.reopenCount();
            withSupervisor = decision.toSupervisor();
            feedbackStatus = FeedbackStatus.NONE;
            feedbackNote = null;
            raise(new CaseReopened(next, departmentCode, comment, reopenCount, decision.toSupervisor()));
        }
        else if (decision.closes()) {
            outcome = decision.outcome();
            closedAt = now;
            raise(new CaseClosed(next, outcome));
        }
    }

    /** A supervisor closes a case sent up after the reopen limit, the reason explained to the caller. */
    void closeExplained(CaseLifecycle lifecycle, String supervisorId, String explanation, Instant now,
            String causationId) {
        outcome = lifecycle.closeExplained(current());
        state = CaseState.CLOSED;
        closedBy = supervisorId;
        closingNote = explanation;
        closedAt = now;
        raise(new CaseClosed(envelope(causationId, now), outcome));
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

    /** Whether a callback attempt in this round already failed to reach the caller on {@code today}. */
    boolean triedInVainOn(LocalDate today, ZoneId zone) {
        return callbacksThisRound().stream().anyMatch(c -> !c.reached()
                && c.calledAt().atZone(zone).toLocalDate().equals(today));
    }

    List<Callback> callbacksThisRound() {
        return callbacks.stream().filter(c -> c.round() == reopenCount).toList();
    }

    private List<String> contributedThisRound() {
        return contributions.stream().filter(c -> c.round() == reopenCount).map(Contribution::departmentCode)
                .distinct().toList();
    }

    /** The latest result, or null. */
    Result lastResult() {
        return results.isEmpty() ? null : results.get(results.size() - 1);
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

    private static List<String> listOrEmpty(List<String> values) {
        return values == null ? List.of() : List.copyOf(values);
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

    List<String> getAssistingDepartments() {
        return List.copyOf(assistingDepartments);
    }

    Instant getReplyBy() {
        return replyBy;
    }

    Instant getCallbackBy() {
        return callbackBy;
    }

    List<AssignmentRecord> getAssignments() {
        return List.copyOf(assignments);
    }

    List<Contribution> getContributions() {
        return List.copyOf(contributions);
    }

    Result getPendingResult() {
        return pendingResult;
    }

    List<Review> getReviews() {
        return List.copyOf(reviews);
    }

    List<Result> getResults() {
        return List.copyOf(results);
    }

    FeedbackStatus getFeedbackStatus() {
        return feedbackStatus;
    }

    String getFeedbackNote() {
        return feedbackNote;
    }

    int getFeedbackAttempts() {
        return feedbackAttempts;
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

    boolean isWithSupervisor() {
        return withSupervisor;
    }

    CaseOutcome getOutcome() {
        return outcome;
    }

    String getClosedBy() {
        return closedBy;
    }

    String getClosingNote() {
        return closingNote;
    }

    Instant getResolvedAt() {
        return resolvedAt;
    }

    Instant getClosedAt() {
        return closedAt;
    }
}

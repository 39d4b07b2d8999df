package org.hotline.feedback.lifecycle;

import static org.hotline.feedback.lifecycle.CaseRuleViolation.Reason.ANONYMOUS_CALLER;
import static org.hotline.feedback.lifecycle.CaseRuleViolation.Reason.CALLER_UNKNOWN;
import static org.hotline.feedback.lifecycle.CaseRuleViolation.Reason.MISSING_INPUT;
import static org.hotline.feedback.lifecycle.CaseRuleViolation.Reason.WRONG_DEPARTMENT;
import static org.hotline.feedback.lifecycle.CaseRuleViolation.Reason.WRONG_STATE;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.hotline.events.FeedbackChannel;
import org.hotline.events.Satisfaction;
import org.hotline.events.feedback.CaseOutcome;

/**
 * The rules of a case from its assignment to its closing: who may report a result and when, the supervisor's review
 * of complex cases, when the result may be fed back, what a satisfaction callback leads to, how often an unsatisfied
 * caller can have the case re-handled, and how many days an unreachable caller is tried.
 * <p>
 * Events from other services may arrive in any order; the transitions they cause only ever move a case forward, so
 * every order ends in the same state.
 */
public final class CaseLifecycle {

    private final int reopenLimit;
    private final int unreachableDays;

    /**
     * @param reopenLimit how many times an unsatisfied caller can send a case back to the department; the next time
     *        it goes to a supervisor
     * @param unreachableDays on how many different days the caller must have been tried in vain before the case
     *        closes as unreachable
     */
    public CaseLifecycle(int reopenLimit, int unreachableDays) {
        if (reopenLimit < 0) {
            throw new IllegalArgumentException("The reopen limit cannot be negative");
        }
        if (unreachableDays < 1) {
            throw new IllegalArgumentException("At least one callback attempt is needed");
        }
        this.reopenLimit = reopenLimit;
        this.unreachableDays = unreachableDays;
    }

    public int reopenLimit() {
        return reopenLimit;
    }

    public int unreachableDays() {
        return unreachableDays;
    }

    /** The front desk opened the case; a case already further along stays where it is. */
    public CaseState opened(CaseState current) {
        return current == null ? CaseState.OPEN : current;
    }

    /**
     * A newer assignment: a new or reopened case is now in the department's hands, and a complex result still in
     * review is dropped (the departments changed). An assignment arriving after the case was resolved changes nothing.
     */
    public CaseState assigned(CaseState current) {
        if (current == null || current == CaseState.OPEN || current == CaseState.REOPENED
                || current == CaseState.IN_REVIEW) {
            return CaseState.ASSIGNED;
        }
        return current;
    }

    /**
     * Another service resolved the case, e.g. the operator answered on the spot. A case already resolved or closed
     * stays where it is.
     */
    public CaseState resolvedElsewhere(CaseState current) {
        if (current == null || current == CaseState.OPEN || current.handling() || current == CaseState.IN_REVIEW) {
            return CaseState.RESOLVED;
        }
        return current;
    }

    /**
     * A department reports its result: only the lead department of the current assignment, only while it handles
     * the case. A complex case (with assisting departments) needs every assistant's contribution first, and its
     * result then waits for a supervisor's review.
     *
     * @param missingContributions assisting departments that have not contributed yet
     * @return the state afterwards: RESOLVED, or IN_REVIEW for a complex case
     */
    public CaseState reportResult(CaseState current, String leadDepartment, String reportingDepartment,
            boolean complex, Collection<String> missingContributions) {
        requireHandling(current, "result");
        if (!leadDepartment.equals(reportingDepartment)) {
            throw new CaseRuleViolation(WRONG_DEPARTMENT, "departmentCode",
                    "only the lead department currently handling the case can report its result");
        }
        if (complex && !missingContributions.isEmpty()) {
            throw new CaseRuleViolation(WRONG_STATE, "The lead department consolidates the assisting departments' "
                    + "contributions: still missing from " + String.join(", ", missingContributions));
        }
        return complex ? CaseState.IN_REVIEW : CaseState.RESOLVED;
    }

    /** An assisting department contributes its part to a complex case, while the case is being handled. */
    public void contribute(CaseState current, List<String> assistingDepartments, String department) {
        requireHandling(current, "contribution");
        if (!assistingDepartments.contains(department)) {
            throw new CaseRuleViolation(WRONG_DEPARTMENT, "departmentCode",
                    "only an assisting department of the current assignment can contribute");
        }
    }

    /** A supervisor approves (審核) the lead department's consolidated result: the case is resolved. */
    public CaseState approve(CaseState current) {
        requireReview(current);
        return CaseState.RESOLVED;
    }

    /** A supervisor returns the consolidated result to the lead department, which reports again. */
    public CaseState giveBack(CaseState current) {
        requireReview(current);
        return CaseState.ASSIGNED;
    }

    /**
     * An operator fed the result back to the caller (or the gateway did), by the channel used or else the caller's
     * preferred one.
     *
     * @return the channel the feedback went by
     */
    public FeedbackChannel deliverFeedback(CaseState current, Boolean anonymous, FeedbackChannel requested,
            FeedbackChannel preferred) {
        Objects.requireNonNull(current, "current");
        if (Boolean.TRUE.equals(anonymous)) {
            throw new CaseRuleViolation(ANONYMOUS_CALLER, "The caller reported anonymously: no feedback is possible");
        }
        if (current == CaseState.FEEDBACK_DELIVERED) {
            throw new CaseRuleViolation(WRONG_STATE, "The result has already been fed back to the caller");
        }
        if (current != CaseState.RESOLVED) {
            throw new CaseRuleViolation(WRONG_STATE, current == CaseState.CLOSED ? "The case is closed"
                    : "The case is not resolved yet: there is no result to feed back");
        }
        FeedbackChannel channel = requested != null ? requested : preferred;
        if (channel == null) {
            throw new CaseRuleViolation(MISSING_INPUT, "channel",
                    "the caller has no preferred feedback channel: give the channel used");
        }
        return channel;
    }

    /**
     * The satisfaction callback (回訪). Possible once the case is resolved, whether or not the result was fed back
     * first: the call may bring the result too. Satisfied callers close the case; unsatisfied ones send it back to the
     * department until the reopen limit is reached, and after that to a supervisor; callers not reached on
     * {@link #unreachableDays()} different days close it as unreachable.
     *
     * @param anonymous true if the caller reported anonymously, null if the caller is not known yet
     * @param satisfaction the caller's answer; required when reached, absent when not
     * @param score 1–5, optional
     * @param comment what the caller said; required when the caller is not satisfied, since the department must
     *        know what to re-handle
     * @param daysNotReached on how many different days the caller was not reached, this attempt included
     */
    public CallbackDecision callback(CaseState current, Boolean anonymous, int reopenCount, boolean reached,
            Satisfaction satisfaction, Integer score, String comment, int daysNotReached) {
        Objects.requireNonNull(current, "current");
        if (reached && satisfaction == null) {
            throw new CaseRuleViolation(MISSING_INPUT, "satisfaction", "is required when the caller was reached");
        }
        if (!reached && (satisfaction != null || score != null)) {
            throw new CaseRuleViolation(MISSING_INPUT, "satisfaction",
                    "cannot be given when the caller was not reached");
        }
        if (score != null && (score < 1 || score > 5)) {
            throw new CaseRuleViolation(MISSING_INPUT, "score", "must be between 1 and 5");
        }
        if (satisfaction == Satisfaction.DISSATISFIED && (comment == null || comment.isBlank())) {
            throw new CaseRuleViolation(MISSING_INPUT, "comment",
                    "record what the caller is not satisfied with: the case is re-handled from it");
        }
        if (Boolean.TRUE.equals(anonymous)) {
            throw new CaseRuleViolation(ANONYMOUS_CALLER,
                    "The caller reported anonymously and left no contact: no callback is possible");
        }
        if (!current.resolved()) {
            throw new CaseRuleViolation(WRONG_STATE, current == CaseState.CLOSED ? "The case is closed"
                    : "The case is not resolved yet: a callback follows the result");
        }
        if (anonymous == null) {
            throw new CaseRuleViolation(CALLER_UNKNOWN,
                    "The caller's details have not reached the feedback desk yet: try again shortly");
        }
        if (!reached) {
            return daysNotReached >= unreachableDays
                    ? new CallbackDecision(CaseState.CLOSED, CaseOutcome.UNREACHABLE, reopenCount)
                    : new CallbackDecision(current, null, reopenCount);
        }
        return switch (satisfaction) {
            case SATISFIED, BASICALLY_SATISFIED -> new CallbackDecision(CaseState.CLOSED, CaseOutcome.SATISFIED,
                    reopenCount);
            case DISSATISFIED -> new CallbackDecision(reopenCount < reopenLimit ? CaseState.REOPENED
                    : CaseState.WITH_SUPERVISOR, null, reopenCount + 1);
        };
    }

    /**
     * A supervisor closes a case the caller sent back too often: the demand cannot be met and the reason was
     * explained to the caller.
     */
    public CaseOutcome closeExplained(CaseState current) {
        if (current != CaseState.WITH_SUPERVISOR) {
            throw new CaseRuleViolation(WRONG_STATE, current == CaseState.CLOSED ? "The case is closed"
                    : "Only a case sent to a supervisor after the reopen limit can be closed as explained");
        }
        return CaseOutcome.EXPLAINED;
    }

    private static void requireHandling(CaseState current, String what) {
        Objects.requireNonNull(current, "current");
        switch (current) {
            case ASSIGNED, REOPENED -> {
            }
            case OPEN -> throw new CaseRuleViolation(WRONG_STATE,
                    "The case has not been assigned to a department yet");
            case IN_REVIEW -> throw new CaseRuleViolation(WRONG_STATE,
                    "The consolidated result is with a supervisor for review: no " + what + " until it is returned");
            case RESOLVED, FEEDBACK_DELIVERED -> throw new CaseRuleViolation(WRONG_STATE,
                    "The case is already resolved; a new " + what + " is accepted only after the caller sends it back");
            case WITH_SUPERVISOR -> throw new CaseRuleViolation(WRONG_STATE,
                    "The case went to a supervisor after the reopen limit");
            case CLOSED -> throw new CaseRuleViolation(WRONG_STATE, "The case is closed");
        }
    }

    private static void requireReview(CaseState current) {
        if (current != CaseState.IN_REVIEW) {
            throw new CaseRuleViolation(WRONG_STATE, "No consolidated result is waiting for review");
        }
    }
}

package org.hotline.feedback.lifecycle;

import static org.hotline.feedback.lifecycle.CaseRuleViolation.Reason.ANONYMOUS_CALLER;
import static org.hotline.feedback.lifecycle.CaseRuleViolation.Reason.CALLER_UNKNOWN;
import static org.hotline.feedback.lifecycle.CaseRuleViolation.Reason.MISSING_INPUT;
import static org.hotline.feedback.lifecycle.CaseRuleViolation.Reason.WRONG_DEPARTMENT;
import static org.hotline.feedback.lifecycle.CaseRuleViolation.Reason.WRONG_STATE;

import java.util.Objects;

import org.hotline.events.FeedbackChannel;
import org.hotline.events.Satisfaction;
import org.hotline.events.feedback.CaseOutcome;

/**
 * The rules of a case from its assignment to its closing: who may report a result and when, when the result may be
 * fed back, what a satisfaction callback leads to, and how often an unsatisfied caller can have the case re-handled.
 * <p>
 * Events from other services may arrive in any order; the transitions they cause only ever move a case forward, so
 * every order ends in the same state.
 */
public final class CaseLifecycle {

    private final int reopenLimit;

    /** @param reopenLimit how many times an unsatisfied caller can send a case back for re-handling */
    public CaseLifecycle(int reopenLimit) {
        if (reopenLimit < 0) {
            throw new IllegalArgumentException("The reopen limit cannot be negative");
        }
        this.reopenLimit = reopenLimit;
    }

    public int reopenLimit() {
        return reopenLimit;
    }

    /** The front desk opened the case; a case already further along stays where it is. */
    public CaseState opened(CaseState current) {
        return current == null ? CaseState.OPEN : current;
    }

    /**
     * A department was assigned: a new or reopened case is now in its hands. An assignment arriving after the case
     * was resolved (an on-the-spot answer, or a result reported before the re-assignment arrived) changes nothing.
     */
    public CaseState assigned(CaseState current) {
        if (current == null || current == CaseState.OPEN || current == CaseState.REOPENED) {
            return CaseState.ASSIGNED;
        }
        return current;
    }

    /**
     * Another service resolved the case, e.g. the operator answered on the spot. A case already resolved or closed
     * stays where it is.
     */
    public CaseState resolvedElsewhere(CaseState current) {
        if (current == null || current == CaseState.OPEN || current == CaseState.ASSIGNED
                || current == CaseState.REOPENED) {
            return CaseState.RESOLVED;
        }
        return current;
    }

    /**
     * A department reports its result: only the department currently handling the case, and only while it handles
     * it (after an assignment, or after the caller sent the case back to it).
     *
     * @return the state afterwards
     */
    public CaseState reportResult(CaseState current, String currentDepartment, String reportingDepartment) {
        Objects.requireNonNull(current, "current");
        switch (current) {
            case RESOLVED, FEEDBACK_DELIVERED -> throw new CaseRuleViolation(WRONG_STATE,
                    "The case is already resolved; a new result is accepted only after the caller sends it back");
            case CLOSED -> throw new CaseRuleViolation(WRONG_STATE, "The case is closed");
            case OPEN -> throw new CaseRuleViolation(WRONG_STATE,
                    "The case has not been assigned to a department yet");
            case ASSIGNED, REOPENED -> {
                if (currentDepartment == null) {
                    throw new CaseRuleViolation(WRONG_STATE, "The case is waiting to be assigned to a department");
                }
                if (!currentDepartment.equals(reportingDepartment)) {
                    throw new CaseRuleViolation(WRONG_DEPARTMENT,
                            "Only the department currently handling the case can report its result");
                }
                return CaseState.RESOLVED;
            }
            default -> throw new IllegalStateException("Unknown state " + current);
        }
    }

    /**
     * The hotline feeds the result back to the caller, by the channel the operator used or else the caller's
     * preferred one.
     *
     * @return the channel the feedback went by
     */
    public FeedbackChannel deliverFeedback(CaseState current, FeedbackChannel requested, FeedbackChannel preferred) {
        Objects.requireNonNull(current, "current");
        if (current == CaseState.FEEDBACK_DELIVERED) {
            throw new CaseRuleViolation(WRONG_STATE, "The result has already been fed back to the caller");
        }
        if (current != CaseState.RESOLVED) {
            throw new CaseRuleViolation(WRONG_STATE, current == CaseState.CLOSED ? "The case is closed"
                    : "The case is not resolved yet: there is no result to feed back");
        }
        FeedbackChannel channel = requested != null ? requested : preferred;
        if (channel == null) {
            throw new CaseRuleViolation(MISSING_INPUT,
                    "The caller has no preferred feedback channel: give the channel used");
        }
        return channel;
    }

    /**
     * The satisfaction callback (回訪). Possible once the case is resolved, whether or not the result was fed back
     * first: the call may bring the result too. Satisfied callers close the case; unsatisfied ones send it back to the
     * department until the reopen limit is reached, after which the case closes with the reason explained to them;
     * callers who cannot be reached close it as not reached.
     *
     * @param anonymous true if the caller reported anonymously, null if the caller is not known yet
     * @param comment what the caller said; required when the caller is not satisfied, since the department must
     *        know what to re-handle
     */
    public CallbackDecision callback(CaseState current, Boolean anonymous, int reopenCount,
            Satisfaction satisfaction, String comment) {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(satisfaction, "satisfaction");
        if (satisfaction == Satisfaction.UNSATISFIED && (comment == null || comment.isBlank())) {
            throw new CaseRuleViolation(MISSING_INPUT,
                    "Record what the caller is not satisfied with: the department re-handles the case from it");
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
        return switch (satisfaction) {
            case SATISFIED, BASICALLY_SATISFIED -> new CallbackDecision(CaseState.CLOSED, CaseOutcome.SATISFIED,
                    reopenCount);
            case NOT_REACHED -> new CallbackDecision(CaseState.CLOSED, CaseOutcome.NOT_REACHED, reopenCount);
            case UNSATISFIED -> reopenCount < reopenLimit
                    ? new CallbackDecision(CaseState.REOPENED, null, reopenCount + 1)
                    : new CallbackDecision(CaseState.CLOSED, CaseOutcome.EXPLAINED, reopenCount);
        };
    }
}

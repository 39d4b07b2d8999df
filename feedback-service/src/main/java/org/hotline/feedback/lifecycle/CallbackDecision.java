package org.hotline.feedback.lifecycle;

import org.hotline.events.feedback.CaseOutcome;

/**
 * What a satisfaction callback does to the case.
 *
 * @param next the case's state afterwards: {@link CaseState#CLOSED}, {@link CaseState#REOPENED},
 *        {@link CaseState#WITH_SUPERVISOR}, or unchanged when the caller was not reached and may be tried again
 * @param outcome how the case ended when it is closed; null otherwise
 * @param reopenCount how many times the case has been reopened, this time included
 */
public record CallbackDecision(CaseState next, CaseOutcome outcome, int reopenCount) {

    /** The caller was not satisfied: the case goes back, to the department or to a supervisor. */
    public boolean reopens() {
        return next == CaseState.REOPENED || next == CaseState.WITH_SUPERVISOR;
    }

    public boolean toSupervisor() {
        return next == CaseState.WITH_SUPERVISOR;
    }

    public boolean closes() {
        return next == CaseState.CLOSED;
    }
}

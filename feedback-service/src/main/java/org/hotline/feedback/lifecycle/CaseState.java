package org.hotline.feedback.lifecycle;

/** Where a case stands between its opening and its closing, as the hotline's feedback desk sees it. */
public enum CaseState {
    /** Taken by the front desk, not yet given to a department. */
    OPEN,
    /** A department is handling it. */
    ASSIGNED,
    /** Complex cases: the lead department's consolidated result waits for a supervisor's review (審核). */
    IN_REVIEW,
    /** Handling finished: a department reported its result, or the operator answered on the spot. */
    RESOLVED,
    /** The result was fed back to the caller; the satisfaction callback is still to come. */
    FEEDBACK_DELIVERED,
    /** The caller was not satisfied; the case went back to the department for re-handling (重辦). */
    REOPENED,
    /** The caller was not satisfied once more after the reopen limit: a supervisor decides. */
    WITH_SUPERVISOR,
    /** Closed for good. */
    CLOSED;

    /** Whether handling is finished and the caller may now hear the result and be called back. */
    public boolean resolved() {
        return this == RESOLVED || this == FEEDBACK_DELIVERED;
    }

    /** Whether a department is handling the case and may report on it. */
    public boolean handling() {
        return this == ASSIGNED || this == REOPENED;
    }
}

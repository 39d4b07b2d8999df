package org.hotline.reporting.ledger;

/**
 * Where a case stands, as its ledger shows it: the latest state-changing fact by the time it happened. A closed
 * case stays closed whatever else is reported about it afterwards.
 */
public enum CaseStatus {

    /** Taken by a front desk, not yet given to a department. */
    OPENED,
    /** Given to a department, which has not signed for it yet. */
    ASSIGNED,
    /** The department signed for it (簽收). */
    ACCEPTED,
    /** The lead department refused it; it waits to be routed again. */
    RETURNED,
    /** The department reported progress. */
    IN_PROGRESS,
    /** The department's clock stopped: the case waits on the caller. */
    ON_HOLD,
    /** Handling finished; the result waits to be fed back. */
    RESOLVED,
    /** The caller was told the result. */
    FEEDBACK_DELIVERED,
    /** The satisfaction callback reached the caller. */
    CALLED_BACK,
    /** The caller was not satisfied; the case is handled again (重辦). */
    REOPENED,
    /** Closed for good. */
    CLOSED;

    /** Still waiting for a department's result: counted in the backlog. */
    public boolean inBacklog() {
        return switch (this) {
            case OPENED, ASSIGNED, ACCEPTED, RETURNED, IN_PROGRESS, ON_HOLD, REOPENED -> true;
            case RESOLVED, FEEDBACK_DELIVERED, CALLED_BACK, CLOSED -> false;
        };
    }
}

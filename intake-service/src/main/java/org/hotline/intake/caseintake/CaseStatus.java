package org.hotline.intake.caseintake;

/** Where a case stands as far as the front desk knows, from its own records and the events that followed. */
public enum CaseStatus {
    /** Taken, being handled (also after the caller sent it back). */
    OPEN,
    /** Answered by the operator during the call. */
    RESOLVED_ON_THE_SPOT,
    /** A department reported its result. */
    RESOLVED,
    /** Closed for good after the callback. */
    CLOSED
}

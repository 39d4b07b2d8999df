package org.hotline.reporting.ledger;

/** Where one deadline of an assignment stands. */
public enum DeadlineState {
    /** The milestone was reached no later than the deadline. */
    MET,
    /** The milestone was reached late, or has not been reached and the deadline has passed. */
    MISSED,
    /** Not reached yet and not yet due. */
    OPEN,
    /** The assignment ended (refused or superseded) before the milestone was reached. */
    CANCELLED
}

package org.hotline.events.routing;

/** Why an assignment was made. */
public enum AssignmentReason {
    /** A routing rule matched the new case. */
    RULE,
    /** The previous department rejected it (退單) and the next rule or the dispatcher chose again. */
    BOUNCE,
    /** An operator assigned it from the dispatcher queue. */
    MANUAL,
    /** A supervisor moved it to another department. */
    TRANSFER,
    /** The caller was not satisfied: back to the department that handled it (重辦). */
    REWORK
}

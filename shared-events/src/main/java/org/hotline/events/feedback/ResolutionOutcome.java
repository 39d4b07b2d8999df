package org.hotline.events.feedback;

/** What the department's handling achieved. */
public enum ResolutionOutcome {
    RESOLVED,
    PARTIALLY_RESOLVED,
    /** Cannot be resolved: the reason and the alternative offered are given. */
    CANNOT_RESOLVE,
    SUGGESTION_ADOPTED,
    /** The suggestion was not adopted: the reason is given. */
    SUGGESTION_NOT_ADOPTED,
    /** A consultation was answered. */
    ANSWERED
}

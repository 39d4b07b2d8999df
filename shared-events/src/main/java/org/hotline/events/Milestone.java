package org.hotline.events;

/** A promise on a case that a deadline guards, and the escalation ladder enforces. */
public enum Milestone {
    /** The department signs for the case (簽收). */
    ACCEPTANCE,
    /** Complaints: on site, or first contact with the caller. */
    ON_SITE,
    /** The department starts handling. */
    HANDLING,
    /** Handling finished and the result reported (辦結). */
    RESOLUTION,
    /** The caller is told the result (反饋). */
    FEEDBACK,
    /** The satisfaction callback (回訪). */
    CALLBACK,
    /** Emergencies: a department takes over from the command centre. */
    EMERGENCY_RESPONSE,
    /** Emergencies: the after-action review (調查總結) after resolution. */
    AFTER_ACTION_REVIEW
}

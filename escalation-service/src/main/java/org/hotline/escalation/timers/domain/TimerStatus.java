package org.hotline.escalation.timers.domain;

/** Where a deadline timer stands. */
public enum TimerStatus {
    /** Waiting for its deadline. */
    PENDING,
    /** The department met the obligation, or the case moved on, before the deadline passed. */
    CANCELLED,
    /** The deadline passed unmet and the case was escalated. */
    FIRED
}

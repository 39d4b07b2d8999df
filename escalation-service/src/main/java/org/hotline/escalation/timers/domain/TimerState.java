package org.hotline.escalation.timers.domain;

/** Where a milestone timer stands. */
public enum TimerState {
    /** Waiting for the next step of its ladder. */
    OPEN,
    /** The assignment's clock is paused (the case waits on the caller). */
    SUSPENDED,
    /** The milestone was met: no further step fires. */
    MET,
    /** The milestone no longer applies: the assignment was rejected or superseded, or the case closed. */
    CANCELLED,
    /** Every step of the ladder fired. */
    DONE;

    /** Whether the timer can never fire again. */
    public boolean isFinal() {
        return this == MET || this == CANCELLED || this == DONE;
    }
}

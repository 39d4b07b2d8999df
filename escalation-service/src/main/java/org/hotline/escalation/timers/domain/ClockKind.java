package org.hotline.escalation.timers.domain;

/** How a deadline's clock runs. */
public enum ClockKind {
    /** Working hours of the working calendar: notices go out only in working time. */
    WORKING_HOURS,
    /** Emergencies: around the clock, notices go out at once. */
    AROUND_THE_CLOCK
}

package org.hotline.escalation.timers.domain;

import org.hotline.events.escalation.EscalationReason;

/** The deadlines of an assignment that are watched, and the escalation reason each one gives when missed. */
public enum TimerKind {

    /** The department signs for the case (簽收). */
    ACCEPTANCE(EscalationReason.ACCEPTANCE_OVERDUE),
    /** Complaints: the department arrives on site or first contacts the caller. */
    ON_SITE(EscalationReason.ON_SITE_OVERDUE),
    /** Handling finished and the result reported (辦結). */
    RESOLUTION(EscalationReason.RESOLUTION_OVERDUE),
    /** The reply promised to the caller (約定回復時間). */
    REPLY(EscalationReason.REPLY_OVERDUE);

    private final EscalationReason reason;

    TimerKind(EscalationReason reason) {
        this.reason = reason;
    }

    public EscalationReason reason() {
        return reason;
    }

    /** Timers that a finished handling (CaseResolved) makes pointless. */
    boolean endsWithResolution() {
        return this != REPLY;
    }
}

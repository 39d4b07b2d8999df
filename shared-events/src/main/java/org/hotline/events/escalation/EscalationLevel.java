package org.hotline.events.escalation;

/** The rungs of the escalation ladder, lowest first. */
public enum EscalationLevel {
    /** A reminder to the department before its deadline (by default at 80 % of the window). */
    REMINDER,
    /** The deadline passed: a warning to the department. */
    OVERDUE,
    /** Supervision (督辦) takes it up. */
    SUPERVISOR,
    /** The hotline's leadership is told. */
    LEADERSHIP,
    /** Emergencies: the command centre, at once. */
    COMMAND_CENTER
}

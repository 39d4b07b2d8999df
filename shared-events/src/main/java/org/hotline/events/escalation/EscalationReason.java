package org.hotline.events.escalation;

/** Why a case went up the escalation ladder. */
public enum EscalationReason {
    EMERGENCY, ACCEPTANCE_OVERDUE, ON_SITE_OVERDUE, RESOLUTION_OVERDUE, REPLY_OVERDUE, MANUAL
}

package org.hotline.reporting.ledger;

import java.util.List;

import org.hotline.events.EventType;

/**
 * Where a case stands, as its ledger shows it: the latest state-changing fact by the time it happened. A closed
 * case stays closed whatever else is reported about it afterwards.
 */
public enum CaseStatus {

    /** Taken by a front desk, not yet given to a department. */
    OPENED,
    /** Given to a department, which has not signed for it yet. */
    ASSIGNED,
    /** The department signed for it (簽收). */
    ACCEPTED,
    /** The department refused it; it waits to be routed again. */
    RETURNED,
    /** The department reported progress. */
    IN_PROGRESS,
    /** Handling finished; the result waits to be fed back. */
    RESOLVED,
    /** The caller was told the result. */
    FEEDBACK_DELIVERED,
    /** The satisfaction callback took place. */
    CALLED_BACK,
    /** The caller was not satisfied; the case is handled again (重辦). */
    REOPENED,
    /** Closed for good. */
    CLOSED;

    /** The status a fact moves the case to, or null for a fact that does not change it (an escalation). */
    static CaseStatus after(EventType type) {
        return switch (type) {
            case CASE_OPENED -> OPENED;
            case CASE_ASSIGNED -> ASSIGNED;
            case CASE_ACCEPTED -> ACCEPTED;
            case ASSIGNMENT_REJECTED -> RETURNED;
            case CASE_PROGRESSED -> IN_PROGRESS;
            case CASE_ESCALATED -> null;
            case CASE_RESOLVED -> RESOLVED;
            case FEEDBACK_DELIVERED -> FEEDBACK_DELIVERED;
            case CALLBACK_COMPLETED -> CALLED_BACK;
            case CASE_REOPENED -> REOPENED;
            case CASE_CLOSED -> CLOSED;
        };
    }

    /**
     * The status after the given facts, which must be in the order they happened; null if none changes the
     * status.
     */
    static CaseStatus derive(List<EventType> inOrder) {
        if (inOrder.contains(EventType.CASE_CLOSED)) {
            return CLOSED;
        }
        CaseStatus status = null;
        for (EventType type : inOrder) {
            CaseStatus next = after(type);
            if (next != null) {
                status = next;
            }
        }
        return status;
    }
}

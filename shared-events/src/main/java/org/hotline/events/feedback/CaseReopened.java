package org.hotline.events.feedback;

import org.hotline.events.EventEnvelope;
import org.hotline.events.HotlineEvent;

/**
 * The caller was not satisfied: the case goes back to the department that handled it as rework (重辦), or, after
 * too many reopens, to a supervisor.
 *
 * @param reopenCount how many times the case has been reopened, this one included
 * @param toSupervisor the reopen limit was reached: a supervisor decides instead of the department
 */
public record CaseReopened(EventEnvelope envelope, String departmentCode, String reason, int reopenCount,
        boolean toSupervisor) implements HotlineEvent {
}

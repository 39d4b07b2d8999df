package org.hotline.events.feedback;

import org.hotline.events.EventEnvelope;
import org.hotline.events.HotlineEvent;

/** The caller was not satisfied: the case goes back to the department for re-handling (重辦). */
public record CaseReopened(EventEnvelope envelope, String departmentCode, String reason, int reopenCount)
        implements HotlineEvent {
}

package org.hotline.events.routing;

import org.hotline.events.EventEnvelope;
import org.hotline.events.HotlineEvent;

/** The department signed for the case (簽收) and owns it now. */
public record CaseAccepted(EventEnvelope envelope, String assignmentId, String departmentCode, String handlerId)
        implements HotlineEvent {
}

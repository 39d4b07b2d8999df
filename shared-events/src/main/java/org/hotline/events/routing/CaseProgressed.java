package org.hotline.events.routing;

import org.hotline.events.EventEnvelope;
import org.hotline.events.HotlineEvent;

/** A department reported progress on a case it handles. */
public record CaseProgressed(EventEnvelope envelope, String assignmentId, String departmentCode, String note)
        implements HotlineEvent {
}

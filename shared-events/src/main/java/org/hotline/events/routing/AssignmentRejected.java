package org.hotline.events.routing;

import org.hotline.events.EventEnvelope;
import org.hotline.events.HotlineEvent;

/** A department refused an assignment, with its reason; the case is routed again. */
public record AssignmentRejected(EventEnvelope envelope, String assignmentId, String departmentCode, String reason)
        implements HotlineEvent {
}

package org.hotline.events.routing;

import org.hotline.events.EventEnvelope;
import org.hotline.events.HotlineEvent;

/**
 * The department's clock stopped: the case waits on the caller (e.g. more information requested). A
 * {@link DeadlinesChanged} with reason {@code RESUMED} starts it again with the deadlines pushed back.
 */
public record CaseOnHold(EventEnvelope envelope, String assignmentId, String departmentCode, String reason)
        implements HotlineEvent {
}

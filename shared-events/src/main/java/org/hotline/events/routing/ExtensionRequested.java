package org.hotline.events.routing;

import java.time.Instant;

import org.hotline.events.EventEnvelope;
import org.hotline.events.HotlineEvent;

/** A department asked for more time (延期申請); a supervisor decides. */
public record ExtensionRequested(EventEnvelope envelope, String assignmentId, String departmentCode, String reason,
        Instant requestedResolveBy) implements HotlineEvent {
}

package org.hotline.events.routing;

import org.hotline.events.EventEnvelope;
import org.hotline.events.HotlineEvent;

/** A supervisor granted or refused an extension; a grant is followed by {@link DeadlinesChanged}. */
public record ExtensionDecided(EventEnvelope envelope, String assignmentId, String departmentCode, boolean approved,
        String supervisorId, String note) implements HotlineEvent {
}

package org.hotline.events.routing;

import org.hotline.events.EventEnvelope;
import org.hotline.events.HotlineEvent;

/** An open assignment's deadlines moved; the new set replaces the old one whole. */
public record DeadlinesChanged(EventEnvelope envelope, String assignmentId, String departmentCode,
        Deadlines deadlines, DeadlineChange change, int calendarVersion, String note) implements HotlineEvent {
}

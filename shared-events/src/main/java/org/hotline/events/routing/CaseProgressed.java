package org.hotline.events.routing;

import org.hotline.events.EventEnvelope;
import org.hotline.events.HotlineEvent;
import org.hotline.events.Milestone;

/**
 * A department reported progress on a case it handles (regular progress report).
 *
 * @param reached a milestone this report meets, if any: {@code ON_SITE} (on site or first contact with the caller)
 *        or {@code HANDLING} (handling started); null for a plain progress note
 */
public record CaseProgressed(EventEnvelope envelope, String assignmentId, String departmentCode, String note,
        Milestone reached) implements HotlineEvent {
}

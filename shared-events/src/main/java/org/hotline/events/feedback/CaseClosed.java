package org.hotline.events.feedback;

import org.hotline.events.EventEnvelope;
import org.hotline.events.HotlineEvent;

/** The case is closed for good. */
public record CaseClosed(EventEnvelope envelope, CaseOutcome outcome) implements HotlineEvent {
}

package org.hotline.events.feedback;

import org.hotline.events.EventEnvelope;
import org.hotline.events.HotlineEvent;
import org.hotline.events.Satisfaction;

/** The satisfaction callback (回訪) took place, or the caller could not be reached. */
public record CallbackCompleted(EventEnvelope envelope, Satisfaction satisfaction, String operatorId)
        implements HotlineEvent {
}

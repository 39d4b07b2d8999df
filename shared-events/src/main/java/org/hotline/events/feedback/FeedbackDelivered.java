package org.hotline.events.feedback;

import org.hotline.events.EventEnvelope;
import org.hotline.events.FeedbackChannel;
import org.hotline.events.HotlineEvent;

/** The result was fed back to the caller by the given channel. */
public record FeedbackDelivered(EventEnvelope envelope, FeedbackChannel channel, String deliveredBy)
        implements HotlineEvent {
}

package org.hotline.events.feedback;

import org.hotline.events.EventEnvelope;
import org.hotline.events.FeedbackChannel;
import org.hotline.events.HotlineEvent;

/**
 * The caller was told the result; {@code occurredAt} is when (feedback timeliness).
 *
 * @param deliveredBy the gateway or the operator that delivered it
 * @param attempts how many attempts it took, over all channels
 */
public record FeedbackDelivered(EventEnvelope envelope, FeedbackChannel channel, String deliveredBy, int attempts)
        implements HotlineEvent {
}

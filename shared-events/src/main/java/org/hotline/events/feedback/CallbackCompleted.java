package org.hotline.events.feedback;

import org.hotline.events.EventEnvelope;
import org.hotline.events.HotlineEvent;
import org.hotline.events.Satisfaction;

/**
 * A satisfaction callback (回訪) attempt: the caller was reached and answered, or was not reached.
 *
 * @param reached whether the caller was reached
 * @param satisfaction the caller's answer; null when not reached
 * @param score 1–5; null when not reached
 * @param attempt the number of this attempt, from 1
 */
public record CallbackCompleted(EventEnvelope envelope, boolean reached, Satisfaction satisfaction, Integer score,
        String comment, int attempt, String operatorId) implements HotlineEvent {
}

package org.hotline.events.escalation;

import org.hotline.events.EventEnvelope;
import org.hotline.events.HotlineEvent;

/** Someone who was notified of an escalation took note of it. */
public record EscalationAcknowledged(EventEnvelope envelope, String escalationId, String acknowledgedBy, String note)
        implements HotlineEvent {
}

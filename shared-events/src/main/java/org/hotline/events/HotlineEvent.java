package org.hotline.events;

import java.time.Instant;
import java.util.UUID;

/** A fact about a case, published on the topic its {@link EventType} names. */
public interface HotlineEvent {

    EventEnvelope envelope();

    default UUID eventId() {
        return envelope().eventId();
    }

    default String caseId() {
        return envelope().caseId();
    }

    default Instant occurredAt() {
        return envelope().occurredAt();
    }

    default EventType type() {
        return EventType.of(getClass());
    }
}

package org.hotline.events;

import java.time.Instant;
import java.util.List;
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

    /** The departments this event concerns, for the {@link CloudEventHeaders#DEPARTMENTS} header; empty if none. */
    default List<String> departments() {
        return List.of();
    }

    default EventType type() {
        return EventType.of(getClass());
    }
}

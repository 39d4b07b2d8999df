package org.hotline.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The part every Hotline event shares.
 *
 * @param eventId unique id of this fact; consumers deduplicate on it (also the CloudEvents {@code ce_id})
 * @param caseId the case the fact is about; the Kafka record key and the CloudEvents {@code ce_subject}
 * @param occurredAt when it happened, UTC
 * @param schemaVersion version of the payload schema; within a version fields are only ever added
 * @param source the producing service, e.g. {@code intake-service}
 * @param correlationId id shared by every event of one case flow (the case's opening event id)
 * @param causationId id of the event or request that directly caused this one
 */
public record EventEnvelope(UUID eventId, String caseId, Instant occurredAt, int schemaVersion, String source,
        String correlationId, String causationId) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(source, "source");
    }

    /** The envelope of the first event of a case flow: it correlates with itself. */
    public static EventEnvelope first(String caseId, Instant occurredAt, String source) {
        UUID id = UUID.randomUUID();
        return new EventEnvelope(id, caseId, occurredAt, 1, source, id.toString(), id.toString());
    }

    /** The envelope of an event caused by {@code cause}, in the same flow. */
    public static EventEnvelope causedBy(EventEnvelope cause, Instant occurredAt, String source) {
        return new EventEnvelope(UUID.randomUUID(), cause.caseId(), occurredAt, 1, source,
                cause.correlationId() != null ? cause.correlationId() : cause.eventId().toString(),
                cause.eventId().toString());
    }

    /** The envelope of an event caused by an HTTP request or a timer rather than by another event. */
    public static EventEnvelope caused(String caseId, String correlationId, String causationId, Instant occurredAt,
            String source) {
        return new EventEnvelope(UUID.randomUUID(), caseId, occurredAt, 1, source, correlationId, causationId);
    }
}

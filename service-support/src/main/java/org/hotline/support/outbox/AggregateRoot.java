package org.hotline.support.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hotline.events.CloudEventHeaders;
import org.hotline.events.EventCodec;
import org.hotline.events.HotlineEvent;
import org.springframework.data.annotation.Version;

/**
 * Base of every document that changes state in reaction to commands or events. It carries its own outbox (events
 * raised by the last changes, published by the {@link OutboxRelay}) and the ids of the events it has already
 * handled, so a redelivered event changes nothing.
 * <p>
 * Saves are optimistic ({@link Version}): a service that loses a race, with another instance or with the relay,
 * gets an {@link org.springframework.dao.OptimisticLockingFailureException} and redoes its change on a fresh copy
 * (Spring's {@code @Retryable}, or the binder's retries for a consumer).
 */
public abstract class AggregateRoot {

    /** How many handled event ids a document remembers; redeliveries come soon after the first delivery. */
    static final int REMEMBERED_EVENTS = 500;

    @Version
    private Long version;

    private List<OutboxMessage> outbox = new ArrayList<>();

    private List<String> handledEventIds = new ArrayList<>();

    /** The outbox relay's lease on this document; kept here so that a save does not drop it. */
    @SuppressWarnings("unused")
    private Instant outboxClaimedUntil;

    /** Which publication holds that lease; kept for the same reason. */
    @SuppressWarnings("unused")
    private String outboxClaim;

    /**
     * Records that this aggregate handles the event; returns false if it already did, and the caller must then
     * change nothing.
     */
    public boolean firstDelivery(UUID eventId) {
        String id = eventId.toString();
        if (handledEventIds.contains(id)) {
            return false;
        }
        handledEventIds.add(id);
        if (handledEventIds.size() > REMEMBERED_EVENTS) {
            handledEventIds.remove(0);
        }
        return true;
    }

    /** Queues an event for publication; it is published once this document is saved. */
    protected void raise(HotlineEvent event) {
        Map<String, String> headers = new LinkedHashMap<>();
        CloudEventHeaders.of(event).forEach((name, value) -> headers.put(name, new String(value,
                StandardCharsets.UTF_8)));
        outbox.add(new OutboxMessage(event.eventId().toString(), event.type().topic(), event.caseId(),
                event.type().cloudEventType(), EventCodec.encodeToString(event), headers, Instant.now()));
    }

    public List<OutboxMessage> getOutbox() {
        return Collections.unmodifiableList(outbox);
    }

    public Long getVersion() {
        return version;
    }
}

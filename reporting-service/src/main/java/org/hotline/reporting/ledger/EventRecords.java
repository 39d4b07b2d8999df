package org.hotline.reporting.ledger;

import org.hotline.events.CloudEventHeaders;
import org.hotline.events.EventCodec;
import org.hotline.events.EventFormatException;
import org.hotline.events.EventType;
import org.hotline.events.HotlineEvent;

/** Reads a record of any case topic as the event its CloudEvents type names. */
public final class EventRecords {

    private static final int MAX_TYPE_LENGTH = 100;

    private EventRecords() {
    }

    /**
     * The event type a record's {@code ce_type} names. A record without a known type cannot be placed in any
     * ledger: {@link EventFormatException}, which sends it to the dead-letter topic.
     */
    public static EventType type(String ceType) {
        if (ceType == null || ceType.isBlank()) {
            throw new EventFormatException("The record has no " + CloudEventHeaders.TYPE + " header", null);
        }
        try {
            return EventType.ofCloudEventType(ceType);
        }
        catch (IllegalArgumentException unknown) {
            String shown = ceType.length() <= MAX_TYPE_LENGTH ? ceType : ceType.substring(0, MAX_TYPE_LENGTH) + "…";
            throw new EventFormatException("Unknown event type " + shown, null);
        }
    }

    public static HotlineEvent read(String ceType, byte[] payload) {
        return EventCodec.decode(payload, type(ceType).recordType());
    }
}

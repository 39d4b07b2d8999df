package org.hotline.reporting.ledger;

import org.hotline.events.EventCodec;
import org.hotline.events.HotlineEvent;
import org.hotline.support.messaging.InboundEvents;

/** Reads a record of any case topic as the event its CloudEvents type names. */
public final class EventRecords {

    private EventRecords() {
    }

    /**
     * The event a record's {@code ce_type} and payload make. A record without a known type cannot be placed in any
     * ledger: {@link org.hotline.events.EventFormatException}, which sends it to the dead-letter topic.
     */
    public static HotlineEvent read(String ceType, byte[] payload) {
        return EventCodec.decode(payload, InboundEvents.type(ceType).recordType());
    }
}

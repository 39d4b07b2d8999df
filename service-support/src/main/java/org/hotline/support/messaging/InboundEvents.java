package org.hotline.support.messaging;

import org.hotline.events.EventCodec;
import org.hotline.events.HotlineEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;

/**
 * Reads an inbound Kafka record as an event and logs one line for it: event id, type and case id, never the
 * payload. A record that cannot be read raises {@link org.hotline.events.EventFormatException}, which the binder
 * does not retry and sends straight to the consumer's dead-letter topic.
 */
public final class InboundEvents {

    private static final Logger log = LoggerFactory.getLogger(InboundEvents.class);

    private InboundEvents() {
    }

    public static <T extends HotlineEvent> T read(Message<byte[]> message, Class<T> type) {
        T event = EventCodec.decode(message.getPayload(), type);
        log.debug("Handling {} {} for case {}", event.type().cloudEventType(), event.eventId(), event.caseId());
        return event;
    }
}

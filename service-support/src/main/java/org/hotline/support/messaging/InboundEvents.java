package org.hotline.support.messaging;

import java.nio.charset.StandardCharsets;

import org.hotline.events.CloudEventHeaders;
import org.hotline.events.EventCodec;
import org.hotline.events.EventFormatException;
import org.hotline.events.EventType;
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
    private static final int MAX_TYPE_LENGTH = 100;

    private InboundEvents() {
    }

    public static <T extends HotlineEvent> T read(Message<byte[]> message, Class<T> type) {
        T event = EventCodec.decode(message.getPayload(), type);
        log.debug("Handling {} {} for case {}", event.type().cloudEventType(), event.eventId(), event.caseId());
        return event;
    }

    /** Reads a record as the event its CloudEvents type names ({@link #type}). */
    public static HotlineEvent read(Message<byte[]> message) {
        return read(message, type(message).recordType());
    }

    /**
     * The event type a record's {@code ce_type} header names. A record without a known type cannot be handled:
     * {@link EventFormatException}, which sends it to the dead-letter topic.
     */
    public static EventType type(Message<byte[]> message) {
        return type(header(message, CloudEventHeaders.TYPE));
    }

    /** The event type a {@code ce_type} value names; {@link EventFormatException} if none or an unknown one. */
    public static EventType type(String type) {
        if (type == null || type.isBlank()) {
            throw new EventFormatException("The record has no " + CloudEventHeaders.TYPE + " header", null);
        }
        try {
            return EventType.ofCloudEventType(type);
        }
        catch (IllegalArgumentException unknown) {
            String shown = type.length() <= MAX_TYPE_LENGTH ? type : type.substring(0, MAX_TYPE_LENGTH) + "…";
            throw new EventFormatException("Unknown event type " + shown, null);
        }
    }

    /**
     * A CloudEvents header of a record ({@code ce_type}, {@code ce_source}, ...) as text. Spring Cloud Function may
     * hand it over under its canonical name ({@code ce-type}, seen for records without a content type) instead of
     * the Kafka binding's, so that name is read too.
     */
    public static String header(Message<byte[]> message, String name) {
        String value = text(message.getHeaders().get(name));
        return value != null ? value : text(message.getHeaders().get(name.replace('_', '-')));
    }

    private static String text(Object value) {
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value == null ? null : value.toString();
    }
}

package org.hotline.reporting.ledger;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import org.hotline.events.CloudEventHeaders;
import org.hotline.events.EventFormatException;
import org.hotline.events.EventType;
import org.hotline.events.HotlineEvent;
import org.hotline.support.messaging.InboundEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Kafka binding: every record of every case topic goes into the ledger. */
@Configuration(proxyBeanMethods = false)
class LedgerMessaging {

    private static final int MAX_TYPE_LENGTH = 100;

    @Bean
    Consumer<Message<byte[]>> recordEvent(Ledger ledger) {
        return message -> ledger.record(read(message));
    }

    /**
     * Reads a record as the event its CloudEvents type names. A record without a known type, or whose payload
     * does not match it, cannot be placed in any ledger and goes to the dead-letter topic.
     */
    static HotlineEvent read(Message<byte[]> message) {
        String ceType = header(message.getHeaders().get(CloudEventHeaders.TYPE));
        if (ceType == null || ceType.isBlank()) {
            throw new EventFormatException("The record has no " + CloudEventHeaders.TYPE + " header", null);
        }
        EventType type;
        try {
            type = EventType.ofCloudEventType(ceType);
        }
        catch (IllegalArgumentException unknown) {
            String shown = ceType.length() <= MAX_TYPE_LENGTH ? ceType : ceType.substring(0, MAX_TYPE_LENGTH) + "…";
            throw new EventFormatException("Unknown event type " + shown, null);
        }
        return InboundEvents.read(message, type.recordType());
    }

    private static String header(Object value) {
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value == null ? null : value.toString();
    }
}

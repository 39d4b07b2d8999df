package org.hotline.intake.caseintake;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import org.hotline.events.CloudEventHeaders;
import org.hotline.events.EventFormatException;
import org.hotline.events.EventType;
import org.hotline.events.HotlineEvent;
import org.hotline.events.feedback.CaseClosed;
import org.hotline.events.feedback.CaseReopened;
import org.hotline.events.feedback.CaseResolved;
import org.hotline.support.messaging.InboundEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The Kafka binding: one consumer on {@code case.resolved}, {@code case.reopened} and {@code case.closed} (what
 * happens to a case after intake, read back for the front desk's view) that reads each record as the event its
 * CloudEvents type names.
 */
@Configuration(proxyBeanMethods = false)
class CaseProgressMessaging {

    /** Spring Cloud Function may hand the type over under its canonical name instead of the binding's. */
    private static final String CANONICAL_TYPE = "ce-type";

    @Bean
    Consumer<Message<byte[]>> followCase(CaseProgress progress) {
        return message -> {
            HotlineEvent event = InboundEvents.read(message, type(message).recordType());
            if (event instanceof CaseResolved resolved) {
                progress.resolved(resolved);
            }
            else if (event instanceof CaseReopened reopened) {
                progress.reopened(reopened);
            }
            else if (event instanceof CaseClosed closed) {
                progress.closed(closed);
            }
            else {
                throw new EventFormatException("Not an event this service consumes: "
                        + event.type().cloudEventType(), null);
            }
        };
    }

    private static EventType type(Message<byte[]> message) {
        String type = header(message.getHeaders().get(CloudEventHeaders.TYPE));
        if (type == null) {
            type = header(message.getHeaders().get(CANONICAL_TYPE));
        }
        if (type == null || type.isBlank()) {
            throw new EventFormatException("The record has no " + CloudEventHeaders.TYPE + " header", null);
        }
        try {
            return EventType.ofCloudEventType(type);
        }
        catch (IllegalArgumentException unknown) {
            throw new EventFormatException("Unknown event type", null);
        }
    }

    private static String header(Object value) {
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value == null ? null : value.toString();
    }
}

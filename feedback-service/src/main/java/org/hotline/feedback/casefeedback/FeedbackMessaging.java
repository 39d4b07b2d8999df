package org.hotline.feedback.casefeedback;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import org.hotline.events.CloudEventHeaders;
import org.hotline.events.EventFormatException;
import org.hotline.events.EventType;
import org.hotline.events.HotlineEvent;
import org.hotline.events.feedback.CaseResolved;
import org.hotline.events.intake.CaseOpened;
import org.hotline.events.routing.CaseAssigned;
import org.hotline.support.messaging.InboundEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The Kafka binding: one consumer on {@code case.opened}, {@code case.assigned} and {@code case.resolved} that reads
 * each record as the event its CloudEvents type names and hands it to the feedback service.
 */
@Configuration(proxyBeanMethods = false)
class FeedbackMessaging {

    /** Spring Cloud Function may hand the type over under its canonical name instead of the binding's. */
    private static final String CANONICAL_TYPE = "ce-type";

    @Bean
    Consumer<Message<byte[]>> trackCase(FeedbackService feedback) {
        return message -> {
            HotlineEvent event = InboundEvents.read(message, type(message).recordType());
            if (event instanceof CaseOpened opened) {
                feedback.opened(opened);
            }
            else if (event instanceof CaseAssigned assigned) {
                feedback.assigned(assigned);
            }
            else if (event instanceof CaseResolved resolved) {
                feedback.resolved(resolved);
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

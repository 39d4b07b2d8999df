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
 * each record as the event its CloudEvents type names and hands it to the feedback service. The desk's own results
 * coming back on {@code case.resolved} are recognised by their {@code ce_source} header and skipped unread.
 */
@Configuration(proxyBeanMethods = false)
class FeedbackMessaging {

    /** Spring Cloud Function may hand the type over under its canonical name instead of the binding's. */
    private static final String CANONICAL_TYPE = "ce-type";

    /** Likewise for the source. */
    private static final String CANONICAL_SOURCE = "ce-source";

    private static final String OWN_SOURCE = CloudEventHeaders.source(FeedbackCase.SOURCE);

    @Bean
    Consumer<Message<byte[]>> trackCase(FeedbackService feedback) {
        return message -> {
            EventType type = type(message);
            if (type == EventType.CASE_RESOLVED && OWN_SOURCE.equals(header(message, CloudEventHeaders.SOURCE,
                    CANONICAL_SOURCE))) {
                return;
            }
            HotlineEvent event = InboundEvents.read(message, type.recordType());
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
        String type = header(message, CloudEventHeaders.TYPE, CANONICAL_TYPE);
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

    /** The header under its Kafka name, or else under its canonical name. */
    private static String header(Message<byte[]> message, String name, String canonicalName) {
        String value = header(message.getHeaders().get(name));
        return value != null ? value : header(message.getHeaders().get(canonicalName));
    }

    private static String header(Object value) {
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value == null ? null : value.toString();
    }
}

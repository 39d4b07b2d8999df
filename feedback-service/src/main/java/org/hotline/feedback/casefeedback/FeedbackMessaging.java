package org.hotline.feedback.casefeedback;

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

    private static final String OWN_SOURCE = CloudEventHeaders.source(FeedbackCase.SOURCE);

    @Bean
    Consumer<Message<byte[]>> trackCase(FeedbackService feedback) {
        return message -> {
            EventType type = InboundEvents.type(message);
            if (type == EventType.CASE_RESOLVED
                    && OWN_SOURCE.equals(InboundEvents.header(message, CloudEventHeaders.SOURCE))) {
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
}

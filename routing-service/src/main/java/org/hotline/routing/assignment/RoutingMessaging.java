package org.hotline.routing.assignment;

import java.util.function.Consumer;

import org.hotline.events.EventFormatException;
import org.hotline.events.Topics;
import org.hotline.events.feedback.CaseClosed;
import org.hotline.events.feedback.CaseReopened;
import org.hotline.events.feedback.CaseResolved;
import org.hotline.events.intake.CaseOpened;
import org.hotline.events.routing.CaseAssigned;
import org.hotline.routing.webhooks.Webhooks;
import org.hotline.support.messaging.InboundEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

/**
 * One Kafka binding on every topic routing follows; each record goes to one method. routing-service reads its own
 * {@code case.assigned} back to push it to webhook departments only once it is on Kafka.
 */
@Configuration(proxyBeanMethods = false)
class RoutingMessaging {

    @Bean
    Consumer<Message<byte[]>> followCase(RoutingService routing, Webhooks webhooks) {
        return message -> {
            String topic = String.valueOf(message.getHeaders().get(KafkaHeaders.RECEIVED_TOPIC));
            switch (topic) {
                case Topics.CASE_OPENED -> routing.opened(InboundEvents.read(message, CaseOpened.class));
                case Topics.CASE_RESOLVED -> routing.resolved(InboundEvents.read(message, CaseResolved.class));
                case Topics.CASE_REOPENED -> routing.reopened(InboundEvents.read(message, CaseReopened.class));
                case Topics.CASE_ASSIGNED -> webhooks.push(InboundEvents.read(message, CaseAssigned.class),
                        message.getPayload());
                case Topics.CASE_CLOSED -> routing.closed(InboundEvents.read(message, CaseClosed.class));
                default -> throw new EventFormatException("routing-service does not follow topic " + topic, null);
            }
        };
    }
}

package org.hotline.feedback.casefeedback;

import java.util.function.Consumer;

import org.hotline.events.feedback.CaseResolved;
import org.hotline.events.intake.CaseOpened;
import org.hotline.events.routing.CaseAssigned;
import org.hotline.support.messaging.InboundEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Kafka bindings: each reads one record and hands it to the feedback service. */
@Configuration(proxyBeanMethods = false)
class FeedbackMessaging {

    @Bean
    Consumer<Message<byte[]>> trackOpenedCase(FeedbackService feedback) {
        return message -> feedback.opened(InboundEvents.read(message, CaseOpened.class));
    }

    @Bean
    Consumer<Message<byte[]>> trackAssignment(FeedbackService feedback) {
        return message -> feedback.assigned(InboundEvents.read(message, CaseAssigned.class));
    }

    @Bean
    Consumer<Message<byte[]>> trackResolution(FeedbackService feedback) {
        return message -> feedback.resolved(InboundEvents.read(message, CaseResolved.class));
    }
}

package org.hotline.routing.assignment;

import java.util.function.Consumer;

import org.hotline.events.feedback.CaseReopened;
import org.hotline.events.feedback.CaseResolved;
import org.hotline.events.intake.CaseOpened;
import org.hotline.support.messaging.InboundEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Kafka bindings: each reads one record and hands it to the routing service. */
@Configuration(proxyBeanMethods = false)
class RoutingMessaging {

    @Bean
    Consumer<Message<byte[]>> routeCase(RoutingService routing) {
        return message -> routing.route(InboundEvents.read(message, CaseOpened.class));
    }

    @Bean
    Consumer<Message<byte[]>> reassignReopenedCase(RoutingService routing) {
        return message -> routing.reopen(InboundEvents.read(message, CaseReopened.class));
    }

    @Bean
    Consumer<Message<byte[]>> closeAssignment(RoutingService routing) {
        return message -> routing.resolved(InboundEvents.read(message, CaseResolved.class));
    }
}

package org.hotline.escalation.timers;

import java.util.function.Consumer;

import org.hotline.events.feedback.CaseClosed;
import org.hotline.events.feedback.CaseResolved;
import org.hotline.events.feedback.FeedbackDelivered;
import org.hotline.events.intake.CaseOpened;
import org.hotline.events.routing.AssignmentRejected;
import org.hotline.events.routing.CaseAccepted;
import org.hotline.events.routing.CaseAssigned;
import org.hotline.support.messaging.InboundEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Kafka bindings: each reads one record and hands it to the escalation service. */
@Configuration(proxyBeanMethods = false)
class EscalationMessaging {

    @Bean
    Consumer<Message<byte[]>> escalateEmergency(EscalationService escalation) {
        return message -> escalation.opened(InboundEvents.read(message, CaseOpened.class));
    }

    @Bean
    Consumer<Message<byte[]>> scheduleTimers(EscalationService escalation) {
        return message -> escalation.assigned(InboundEvents.read(message, CaseAssigned.class));
    }

    @Bean
    Consumer<Message<byte[]>> cancelAcceptanceTimer(EscalationService escalation) {
        return message -> escalation.accepted(InboundEvents.read(message, CaseAccepted.class));
    }

    @Bean
    Consumer<Message<byte[]>> cancelRejectedTimers(EscalationService escalation) {
        return message -> escalation.rejected(InboundEvents.read(message, AssignmentRejected.class));
    }

    @Bean
    Consumer<Message<byte[]>> cancelHandlingTimers(EscalationService escalation) {
        return message -> escalation.resolved(InboundEvents.read(message, CaseResolved.class));
    }

    @Bean
    Consumer<Message<byte[]>> cancelReplyTimer(EscalationService escalation) {
        return message -> escalation.feedbackDelivered(InboundEvents.read(message, FeedbackDelivered.class));
    }

    @Bean
    Consumer<Message<byte[]>> cancelAllTimers(EscalationService escalation) {
        return message -> escalation.closed(InboundEvents.read(message, CaseClosed.class));
    }
}

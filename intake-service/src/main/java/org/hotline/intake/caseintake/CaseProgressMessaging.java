package org.hotline.intake.caseintake;

import java.util.function.Consumer;

import org.hotline.events.feedback.CaseClosed;
import org.hotline.events.feedback.CaseReopened;
import org.hotline.events.feedback.CaseResolved;
import org.hotline.support.messaging.InboundEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Kafka bindings: what happens to a case after intake, read back for the front desk's view. */
@Configuration(proxyBeanMethods = false)
class CaseProgressMessaging {

    @Bean
    Consumer<Message<byte[]>> followResolution(CaseProgress progress) {
        return message -> progress.resolved(InboundEvents.read(message, CaseResolved.class));
    }

    @Bean
    Consumer<Message<byte[]>> followReopening(CaseProgress progress) {
        return message -> progress.reopened(InboundEvents.read(message, CaseReopened.class));
    }

    @Bean
    Consumer<Message<byte[]>> followClosing(CaseProgress progress) {
        return message -> progress.closed(InboundEvents.read(message, CaseClosed.class));
    }
}

package org.hotline.intake.caseintake;

import java.util.function.Consumer;

import org.hotline.events.EventFormatException;
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

    @Bean
    Consumer<Message<byte[]>> followCase(CaseProgress progress) {
        return message -> {
            HotlineEvent event = InboundEvents.read(message);
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
}

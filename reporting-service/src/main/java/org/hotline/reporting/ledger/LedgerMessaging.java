package org.hotline.reporting.ledger;

import java.util.function.Consumer;

import org.hotline.events.HotlineEvent;
import org.hotline.support.messaging.InboundEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Kafka binding: every record of every case topic goes into the ledger. */
@Configuration(proxyBeanMethods = false)
class LedgerMessaging {

    @Bean
    CaseFacts.Settings caseFactsSettings(ReportingSettings settings) {
        return settings.facts();
    }

    @Bean
    Consumer<Message<byte[]>> recordEvent(Ledger ledger) {
        return message -> ledger.record(read(message));
    }

    /** Reads a record as the event its CloudEvents type names; unreadable records go to the dead-letter topic. */
    static HotlineEvent read(Message<byte[]> message) {
        return InboundEvents.read(message);
    }
}

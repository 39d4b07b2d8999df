package org.hotline.reporting.ledger;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import org.hotline.events.CloudEventHeaders;
import org.hotline.events.HotlineEvent;
import org.hotline.support.messaging.InboundEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Kafka binding: every record of every case topic goes into the ledger. */
@Configuration(proxyBeanMethods = false)
class LedgerMessaging {

    private static final String CANONICAL_TYPE = "ce-type";

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
        return InboundEvents.read(message, EventRecords.type(type(message)).recordType());
    }

    /**
     * The CloudEvents type of the record. Spring Cloud Function may hand it over under its canonical name
     * {@code ce-type} (seen for records without a content type) instead of the Kafka binding's {@code ce_type}.
     */
    private static String type(Message<byte[]> message) {
        String type = header(message.getHeaders().get(CloudEventHeaders.TYPE));
        return type != null ? type : header(message.getHeaders().get(CANONICAL_TYPE));
    }

    private static String header(Object value) {
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value == null ? null : value.toString();
    }
}

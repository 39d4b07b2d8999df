package org.hotline.reporting.ledger;

import java.util.Collection;
import java.util.function.Consumer;

import org.apache.kafka.common.TopicPartition;
import org.hotline.events.HotlineEvent;
import org.hotline.support.messaging.InboundEvents;
import org.springframework.cloud.stream.binder.kafka.KafkaBindingRebalanceListener;
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

    /**
     * After a rebalance gave this instance partitions another instance had, the ledger is swept soon: that instance
     * may have stopped with bucket changes it had handed over and not yet applied (they are pending in the ledger).
     */
    @Bean
    KafkaBindingRebalanceListener sweepAfterTakeOver(Ledger ledger) {
        return new KafkaBindingRebalanceListener() {
            @Override
            public void onPartitionsAssigned(String bindingName,
                    org.apache.kafka.clients.consumer.Consumer<?, ?> consumer,
                    Collection<TopicPartition> partitions, boolean initial) {
                if (!initial && !partitions.isEmpty()) {
                    ledger.sweepSoon();
                }
            }
        };
    }

    /** Reads a record as the event its CloudEvents type names; unreadable records go to the dead-letter topic. */
    static HotlineEvent read(Message<byte[]> message) {
        return InboundEvents.read(message);
    }
}

package org.hotline.escalation.timers;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.hotline.events.EventFormatException;
import org.hotline.events.EventType;
import org.hotline.support.messaging.InboundEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

/**
 * Kafka bindings (see {@code application.yml}): {@code case.opened} has consumers of its own, so an emergency is
 * never queued behind a backlog of other case events; one more binding reads every other case topic escalation
 * listens to. Each topic carries one event type, so the record is read as the type of the topic it came from.
 */
@Configuration(proxyBeanMethods = false)
class CaseEventsMessaging {

    private static final Map<String, EventType> BY_TOPIC = Arrays.stream(EventType.values())
            .collect(Collectors.toUnmodifiableMap(EventType::topic, Function.identity()));

    @Bean
    Consumer<Message<byte[]>> trackCase(EscalationService escalation) {
        return message -> escalation.handle(InboundEvents.read(message, typeOf(message).recordType()));
    }

    /** The emergency lane: openings only (an ordinary one is a single upsert, so this lane keeps up). */
    @Bean
    Consumer<Message<byte[]>> trackOpening(EscalationService escalation) {
        return trackCase(escalation);
    }

    static EventType typeOf(Message<byte[]> message) {
        Object topic = message.getHeaders().get(KafkaHeaders.RECEIVED_TOPIC);
        EventType type = topic == null ? null : BY_TOPIC.get(topic.toString());
        if (type == null) {
            throw new EventFormatException("A record from an unexpected topic: " + topic, null);
        }
        return type;
    }
}

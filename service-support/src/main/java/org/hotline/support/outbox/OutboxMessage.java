package org.hotline.support.outbox;

import java.time.Instant;
import java.util.Map;

/**
 * An event waiting in its aggregate's document to be published. Written in the same single-document write
 * as the state change it reports, so a state change is never saved without its event, nor the other way round.
 *
 * @param headers CloudEvents attributes as {@code ce_*} Kafka headers
 */
public record OutboxMessage(String eventId, String topic, String key, String type, String payload,
        Map<String, String> headers, Instant createdAt) {
}

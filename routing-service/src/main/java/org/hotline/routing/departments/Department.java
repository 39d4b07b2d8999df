package org.hotline.routing.departments;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A department that handles cases.
 *
 * @param code e.g. {@code FACILITIES}; the Kafka header {@code hotline_departments} carries it
 * @param parent the code of the department above it, if any
 * @param contact how the hotline reaches the department (duty phone, mailbox); not caller data
 * @param subscription how it hears of its assignments
 */
@Document("departments")
public record Department(@Id String code, String name, String parent, String contact, Subscription subscription) {

    /** How a department hears of its assignments. */
    public enum Channel {
        /** It reads {@code case.assigned} with its own Kafka client, filtered by the {@code hotline_departments} header. */
        KAFKA,
        /** routing-service pushes each of its {@code case.assigned} events to its URL, signed with its secret. */
        WEBHOOK
    }

    /** @param secret the HMAC-SHA256 key of webhook signatures; never shown by the API */
    public record Subscription(Channel channel, String url, String secret) {
    }
}

package org.hotline.feedback.delivery;

import org.hotline.events.FeedbackChannel;
import org.hotline.feedback.privacy.ContactKeys.Contact;

/** One automatic way of reaching a caller. Implementations throw on failure; they never log caller data. */
interface ChannelGateway {

    FeedbackChannel channel();

    /** The Resilience4j instance name of this gateway (retry, circuit breaker, bulkhead) and its delivery name. */
    String name();

    /** Why this gateway cannot reach this caller at all (no address, not configured), or null if it can try. */
    String unusableFor(Contact contact);

    /** Sends the message; {@code reference} lets the gateway recognise a repeated send of the same feedback. */
    void send(Contact contact, FeedbackMessage message, String reference);
}

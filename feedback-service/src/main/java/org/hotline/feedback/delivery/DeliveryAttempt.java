package org.hotline.feedback.delivery;

import java.time.Instant;

import org.hotline.events.FeedbackChannel;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One try to reach a caller through a gateway, as recorded for the case's record. Holds no caller data: the failure
 * is an HTTP status or an exception type, never a message (messages may quote addresses).
 *
 * @param id {@code <caseId>:<round>:<attempt>} (see {@link #id})
 * @param round which handling of the case the feedback is about: 0, then once more per reopen
 * @param attempt the number of this attempt over all channels of this round, from 1
 * @param gateway the gateway (Resilience4j instance) tried
 * @param failure what went wrong, null when delivered
 */
@Document("feedback_attempts")
public record DeliveryAttempt(@Id String id, @Indexed String caseId, int round, int attempt,
        FeedbackChannel channel, String gateway, Outcome outcome, String failure, Instant at) {

    /** The id of an attempt, derived from its number, so the attempts of a round are found by id. */
    static String id(String caseId, int round, int attempt) {
        return caseId + ":" + round + ":" + attempt;
    }

    /** What came of one attempt. */
    public enum Outcome {
        /** The gateway accepted the message. */
        DELIVERED,
        /** The gateway failed or did not answer in time. */
        FAILED,
        /** The circuit breaker is open: the gateway was not called. */
        CIRCUIT_OPEN,
        /** Too many sends at once: the gateway was not called. */
        BULKHEAD_FULL,
        /** The channel cannot reach this caller (no address, not configured): not tried. */
        SKIPPED
    }
}

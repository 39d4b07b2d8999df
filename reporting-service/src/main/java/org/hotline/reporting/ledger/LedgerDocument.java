package org.hotline.reporting.ledger;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One case's ledger as stored: the facts in the order they arrived, and summary fields each owned by one kind of
 * fact (see {@link LedgerUpdates}). Field names are those of {@link LedgerUpdates}.
 */
@Document(LedgerDocument.COLLECTION)
record LedgerDocument(@Id String id, String trackingNumber, String channel, String kind, String category,
        String subCategory, String urgency, Boolean anonymous, Boolean supervisionComplaint, @Indexed Instant openedAt,
        Instant ringStartedAt, Instant answeredAt, Instant arrivedAt, Instant receivedAt, Assignment assignment,
        Instant acceptedAt, Resolution resolution, Instant feedbackAt, Callback callback, Integer callbacks,
        Instant closedAt, String outcome, Integer escalations, Integer rejections, Integer reopens,
        @Indexed Instant lastEventAt, List<Entry> timeline) {

    static final String COLLECTION = "ledger";

    /** The latest assignment, by the time it was made. */
    record Assignment(Instant at, String assignmentId, @Indexed String department,
            List<String> assistingDepartments, String ruleId, Instant acceptBy, Instant onSiteBy, Instant resolveBy,
            Instant replyBy) {
    }

    /** The latest result. */
    record Resolution(Instant at, String department, Boolean onTheSpot) {
    }

    /** The latest satisfaction callback. */
    record Callback(Instant at, String satisfaction) {
    }

    /** One fact of the timeline; its type is the CloudEvents type, which stays stable across releases. */
    record Entry(String eventId, String type, Instant occurredAt, String source, String summary, String department) {
    }
}

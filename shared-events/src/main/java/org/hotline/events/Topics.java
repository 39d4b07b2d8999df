package org.hotline.events;

/** Every Kafka topic of the suite. Records are keyed by case id. */
public final class Topics {

    public static final String CASE_OPENED = "case.opened";
    public static final String CASE_ASSIGNED = "case.assigned";
    public static final String CASE_ACCEPTED = "case.accepted";
    public static final String ASSIGNMENT_REJECTED = "case.rejected";
    public static final String CASE_PROGRESSED = "case.progressed";
    public static final String CASE_ESCALATED = "case.escalated";
    public static final String CASE_RESOLVED = "case.resolved";
    public static final String FEEDBACK_DELIVERED = "feedback.delivered";
    public static final String CALLBACK_COMPLETED = "callback.completed";
    public static final String CASE_REOPENED = "case.reopened";
    public static final String CASE_CLOSED = "case.closed";

    /** Default partition count of every topic. */
    public static final int DEFAULT_PARTITIONS = 6;

    private Topics() {
    }

    /** The dead-letter topic of one consumer group on one topic. */
    public static String deadLetter(String topic, String group) {
        return topic + "." + group + ".dlt";
    }
}

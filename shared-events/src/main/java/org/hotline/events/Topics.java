package org.hotline.events;

/** Every Kafka topic of the suite. Records are keyed by case id (the calendar topic by calendar id). */
public final class Topics {

    public static final String CASE_OPENED = "case.opened";
    public static final String CASE_ASSIGNED = "case.assigned";
    public static final String CASE_ACCEPTED = "case.accepted";
    public static final String ASSIGNMENT_REJECTED = "case.rejected";
    public static final String CASE_PROGRESSED = "case.progressed";
    public static final String CASE_ON_HOLD = "case.on-hold";
    public static final String DEADLINES_CHANGED = "case.deadlines-changed";
    public static final String EXTENSION_REQUESTED = "case.extension-requested";
    public static final String EXTENSION_DECIDED = "case.extension-decided";
    public static final String CASE_ESCALATED = "case.escalated";
    public static final String ESCALATION_ACKNOWLEDGED = "case.escalation-acknowledged";
    public static final String AFTER_ACTION_REVIEWED = "case.after-action-reviewed";
    public static final String CASE_RESOLVED = "case.resolved";
    public static final String FEEDBACK_DELIVERED = "feedback.delivered";
    public static final String CALLBACK_COMPLETED = "callback.completed";
    public static final String CASE_REOPENED = "case.reopened";
    public static final String CASE_CLOSED = "case.closed";
    /** Reference data, keyed by calendar id and compacted: the working calendar's versions. */
    public static final String CALENDAR_PUBLISHED = "calendar.published";

    /** Default partition count of every topic. */
    public static final int DEFAULT_PARTITIONS = 6;

    private Topics() {
    }

    /** The dead-letter topic of one consumer group on one topic. */
    public static String deadLetter(String topic, String group) {
        return topic + "." + group + ".dlt";
    }
}

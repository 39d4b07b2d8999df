package org.hotline.events;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.hotline.events.calendar.CalendarPublished;
import org.hotline.events.escalation.AfterActionReviewed;
import org.hotline.events.escalation.CaseEscalated;
import org.hotline.events.escalation.EscalationAcknowledged;
import org.hotline.events.feedback.CallbackCompleted;
import org.hotline.events.feedback.CaseClosed;
import org.hotline.events.feedback.CaseReopened;
import org.hotline.events.feedback.CaseResolved;
import org.hotline.events.feedback.FeedbackDelivered;
import org.hotline.events.intake.CaseOpened;
import org.hotline.events.routing.AssignmentRejected;
import org.hotline.events.routing.CaseAccepted;
import org.hotline.events.routing.CaseAssigned;
import org.hotline.events.routing.CaseOnHold;
import org.hotline.events.routing.CaseProgressed;
import org.hotline.events.routing.DeadlinesChanged;
import org.hotline.events.routing.ExtensionDecided;
import org.hotline.events.routing.ExtensionRequested;

/** The catalogue of events: record type, topic, CloudEvents type and producers. */
public enum EventType {

    CASE_OPENED(CaseOpened.class, Topics.CASE_OPENED, "org.hotline.case.opened.v1",
            "A front desk took a case.", "intake-service"),
    CASE_ASSIGNED(CaseAssigned.class, Topics.CASE_ASSIGNED, "org.hotline.case.assigned.v1",
            "A case was given to a lead department, with its deadlines.", "routing-service"),
    CASE_ACCEPTED(CaseAccepted.class, Topics.CASE_ACCEPTED, "org.hotline.case.accepted.v1",
            "The department signed for the case.", "routing-service"),
    ASSIGNMENT_REJECTED(AssignmentRejected.class, Topics.ASSIGNMENT_REJECTED, "org.hotline.case.rejected.v1",
            "A department refused an assignment with a reason.", "routing-service"),
    CASE_PROGRESSED(CaseProgressed.class, Topics.CASE_PROGRESSED, "org.hotline.case.progressed.v1",
            "A department reported progress.", "routing-service"),
    CASE_ON_HOLD(CaseOnHold.class, Topics.CASE_ON_HOLD, "org.hotline.case.on-hold.v1",
            "The department's clock stopped while the case waits on the caller.", "routing-service"),
    DEADLINES_CHANGED(DeadlinesChanged.class, Topics.DEADLINES_CHANGED, "org.hotline.case.deadlines-changed.v1",
            "An assignment's deadlines moved: extension, clock resumed, or a new calendar.", "routing-service"),
    EXTENSION_REQUESTED(ExtensionRequested.class, Topics.EXTENSION_REQUESTED,
            "org.hotline.case.extension-requested.v1", "A department asked for more time.", "routing-service"),
    EXTENSION_DECIDED(ExtensionDecided.class, Topics.EXTENSION_DECIDED, "org.hotline.case.extension-decided.v1",
            "A supervisor granted or refused an extension.", "routing-service"),
    CASE_ESCALATED(CaseEscalated.class, Topics.CASE_ESCALATED, "org.hotline.case.escalated.v1",
            "A step of the escalation ladder fired: reminder, overdue, supervisor, leadership or command centre.",
            "escalation-service"),
    ESCALATION_ACKNOWLEDGED(EscalationAcknowledged.class, Topics.ESCALATION_ACKNOWLEDGED,
            "org.hotline.case.escalation-acknowledged.v1", "Someone notified of an escalation took note of it.",
            "escalation-service"),
    AFTER_ACTION_REVIEWED(AfterActionReviewed.class, Topics.AFTER_ACTION_REVIEWED,
            "org.hotline.case.after-action-reviewed.v1", "Emergencies: the after-action review was filed.",
            "escalation-service"),
    CASE_RESOLVED(CaseResolved.class, Topics.CASE_RESOLVED, "org.hotline.case.resolved.v1",
            "Handling finished: a department result or an on-the-spot answer.", "feedback-service",
            "intake-service"),
    FEEDBACK_DELIVERED(FeedbackDelivered.class, Topics.FEEDBACK_DELIVERED, "org.hotline.feedback.delivered.v1",
            "The result was fed back to the caller.", "feedback-service"),
    CALLBACK_COMPLETED(CallbackCompleted.class, Topics.CALLBACK_COMPLETED, "org.hotline.callback.completed.v1",
            "The satisfaction callback took place.", "feedback-service"),
    CASE_REOPENED(CaseReopened.class, Topics.CASE_REOPENED, "org.hotline.case.reopened.v1",
            "The caller was not satisfied; the case goes back for re-handling.", "feedback-service"),
    CASE_CLOSED(CaseClosed.class, Topics.CASE_CLOSED, "org.hotline.case.closed.v1",
            "The case is closed for good.", "feedback-service"),
    CALENDAR_PUBLISHED(CalendarPublished.class, Topics.CALENDAR_PUBLISHED, "org.hotline.calendar.published.v1",
            "A version of the working calendar took effect (keyed by calendar id).", "routing-service");

    private static final Map<Class<?>, EventType> BY_CLASS = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::recordType, Function.identity()));

    private static final Map<String, EventType> BY_CE_TYPE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::cloudEventType, Function.identity()));

    private final Class<? extends HotlineEvent> recordType;
    private final String topic;
    private final String cloudEventType;
    private final String description;
    private final String[] producers;

    EventType(Class<? extends HotlineEvent> recordType, String topic, String cloudEventType, String description,
            String... producers) {
        this.recordType = recordType;
        this.topic = topic;
        this.cloudEventType = cloudEventType;
        this.description = description;
        this.producers = producers;
    }

    public Class<? extends HotlineEvent> recordType() {
        return recordType;
    }

    public String topic() {
        return topic;
    }

    public String cloudEventType() {
        return cloudEventType;
    }

    public String description() {
        return description;
    }

    public String[] producers() {
        return producers.clone();
    }

    public static EventType of(Class<?> recordType) {
        EventType type = BY_CLASS.get(recordType);
        if (type == null) {
            throw new IllegalArgumentException("Not a Hotline event: " + recordType.getName());
        }
        return type;
    }

    public static EventType ofCloudEventType(String cloudEventType) {
        EventType type = BY_CE_TYPE.get(cloudEventType);
        if (type == null) {
            throw new IllegalArgumentException("Unknown event type: " + cloudEventType);
        }
        return type;
    }
}

package org.hotline.reporting.ledger;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.hotline.events.HotlineEvent;
import org.hotline.events.escalation.CaseEscalated;
import org.hotline.events.feedback.CallbackCompleted;
import org.hotline.events.feedback.CaseClosed;
import org.hotline.events.feedback.CaseResolved;
import org.hotline.events.intake.CaseOpened;
import org.hotline.events.routing.CaseAssigned;
import org.hotline.events.routing.Deadlines;
import org.springframework.data.mongodb.core.query.Update;

/**
 * What one fact changes in its case's ledger, as a single update. Each summary field belongs to one kind of fact,
 * and where a kind can happen several times (assignments, results, callbacks) the latest by the time it happened
 * wins through {@code $max} on a sub-document whose first field is that time. Together with the guard against
 * applying a fact twice, the ledger ends up the same whatever order the facts arrive in.
 */
final class LedgerUpdates {

    static final String TIMELINE = "timeline";
    static final String EVENT_ID = "eventId";

    private LedgerUpdates() {
    }

    static Update of(HotlineEvent event) {
        Update update = new Update().push(TIMELINE, entry(event)).max("lastEventAt", date(event.occurredAt()));
        switch (event.type()) {
            case CASE_OPENED -> {
                CaseOpened e = (CaseOpened) event;
                update.set("trackingNumber", e.trackingNumber())
                        .set("channel", name(e.channel()))
                        .set("kind", name(e.kind()))
                        .set("category", e.category())
                        .set("subCategory", e.subCategory())
                        .set("urgency", name(e.urgency()))
                        .set("anonymous", e.caller() != null && e.caller().anonymous())
                        .set("supervisionComplaint", e.supervisionComplaint())
                        .set("openedAt", date(e.occurredAt()))
                        .set("ringStartedAt", date(e.ringStartedAt()))
                        .set("answeredAt", date(e.answeredAt()))
                        .set("arrivedAt", date(e.arrivedAt()))
                        .set("receivedAt", date(e.receivedAt()));
            }
            case CASE_ASSIGNED -> {
                CaseAssigned e = (CaseAssigned) event;
                Deadlines d = e.deadlines() != null ? e.deadlines() : new Deadlines(null, null, null, null);
                update.max("assignment", new Document("at", date(e.occurredAt()))
                        .append("assignmentId", e.assignmentId())
                        .append("department", e.departmentCode())
                        .append("assistingDepartments",
                                e.assistingDepartments() == null ? List.of() : e.assistingDepartments())
                        .append("ruleId", e.ruleId())
                        .append("acceptBy", date(d.acceptBy()))
                        .append("onSiteBy", date(d.onSiteBy()))
                        .append("resolveBy", date(d.resolveBy()))
                        .append("replyBy", date(d.replyBy())));
            }
            case CASE_ACCEPTED -> update.max("acceptedAt", date(event.occurredAt()));
            case ASSIGNMENT_REJECTED -> update.inc("rejections", 1);
            case CASE_PROGRESSED -> {
                // the timeline entry is all a progress report adds
            }
            case CASE_ESCALATED -> update.inc("escalations", 1);
            case CASE_RESOLVED -> {
                CaseResolved e = (CaseResolved) event;
                update.max("resolution", new Document("at", date(e.occurredAt()))
                        .append("department", e.departmentCode())
                        .append("onTheSpot", e.onTheSpot()));
            }
            case FEEDBACK_DELIVERED -> update.max("feedbackAt", date(event.occurredAt()));
            case CALLBACK_COMPLETED -> {
                CallbackCompleted e = (CallbackCompleted) event;
                update.inc("callbacks", 1).max("callback", new Document("at", date(e.occurredAt()))
                        .append("satisfaction", name(e.satisfaction())));
            }
            case CASE_REOPENED -> update.inc("reopens", 1);
            case CASE_CLOSED -> {
                CaseClosed e = (CaseClosed) event;
                update.set("closedAt", date(e.occurredAt())).set("outcome", name(e.outcome()));
            }
        }
        return update;
    }

    static Document entry(HotlineEvent event) {
        return new Document(EVENT_ID, event.eventId().toString())
                .append("type", event.type().cloudEventType())
                .append("occurredAt", date(event.occurredAt()))
                .append("source", event.envelope().source())
                .append("summary", TimelineText.summary(event))
                .append("department", TimelineText.department(event));
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}

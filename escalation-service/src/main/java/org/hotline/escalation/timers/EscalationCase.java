package org.hotline.escalation.timers;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.hotline.escalation.timers.domain.Escalation;
import org.hotline.escalation.timers.domain.EscalationLadder;
import org.hotline.escalation.timers.domain.TimerBook;
import org.hotline.events.EventEnvelope;
import org.hotline.events.HotlineEvent;
import org.hotline.events.Urgency;
import org.hotline.events.escalation.CaseEscalated;
import org.hotline.events.intake.CaseOpened;
import org.hotline.events.routing.CaseAssigned;
import org.hotline.support.outbox.AggregateRoot;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A case as escalation sees it: the deadline timers of its assignments and the escalations so far. The timers live
 * in this document, so they survive restarts; {@code nextDueAt} is the earliest pending deadline, which the poller
 * finds with one indexed query.
 */
@Document("escalation_cases")
class EscalationCase extends AggregateRoot {

    static final String SOURCE = "escalation-service";

    @Id
    private String id;
    private String correlationId;
    private String trackingNumber;
    private Urgency urgency;
    private TimerBook book = new TimerBook();
    @Indexed
    private Instant nextDueAt;
    @Indexed
    private Instant lastEscalatedAt;

    EscalationCase() {
    }

    /** The document of a case, started by whichever of its events arrives first. */
    static EscalationCase of(HotlineEvent first) {
        EscalationCase escalationCase = new EscalationCase();
        escalationCase.id = first.caseId();
        escalationCase.correlationId = first.envelope().correlationId();
        return escalationCase;
    }

    /** A new case; an emergency goes straight to the command centre. */
    Optional<Escalation> opened(CaseOpened opened, String commandCentre, Instant now) {
        trackingNumber = opened.trackingNumber();
        urgency = opened.urgency();
        correlationId = opened.envelope().correlationId() != null ? opened.envelope().correlationId()
                : correlationId;
        if (opened.urgency() != Urgency.EMERGENCY) {
            return Optional.empty();
        }
        Optional<Escalation> escalation = book.emergency(commandCentre, now, opened.eventId().toString());
        escalation.ifPresent(this::publish);
        return escalation;
    }

    /** Starts the deadline timers of an assignment. */
    int assigned(CaseAssigned assigned) {
        if (urgency == null) {
            urgency = assigned.urgency();
        }
        int set = book.schedule(assigned.assignmentId(), assigned.departmentCode(), assigned.occurredAt(),
                assigned.deadlines(), assigned.eventId().toString()).size();
        refresh();
        return set;
    }

    void accepted(String assignmentId, Instant at) {
        book.accepted(assignmentId, at);
        refresh();
    }

    void rejected(String assignmentId, Instant at) {
        book.rejected(assignmentId, at);
        refresh();
    }

    void resolved(Instant at) {
        book.resolved(at);
        refresh();
    }

    void feedbackDelivered(Instant at) {
        book.feedbackDelivered(at);
        refresh();
    }

    void closed(Instant at) {
        book.closed(at);
        refresh();
    }

    /** Escalates every deadline that has passed unmet, one rung each. */
    List<Escalation> fireDue(Instant now, EscalationLadder ladder) {
        List<Escalation> fired = book.fireDue(now, ladder);
        fired.forEach(this::publish);
        refresh();
        return fired;
    }

    private void publish(Escalation escalation) {
        lastEscalatedAt = escalation.escalatedAt();
        raise(new CaseEscalated(EventEnvelope.caused(id, correlationId, escalation.causationId(),
                escalation.escalatedAt(), SOURCE), escalation.level(), escalation.reason(), escalation.escalatedTo(),
                escalation.departmentCode(), escalation.deadline()));
    }

    private void refresh() {
        nextDueAt = book.nextDueAt();
    }

    String getId() {
        return id;
    }

    String getTrackingNumber() {
        return trackingNumber;
    }

    Urgency getUrgency() {
        return urgency;
    }

    TimerBook getBook() {
        return book;
    }

    Instant getNextDueAt() {
        return nextDueAt;
    }

    Instant getLastEscalatedAt() {
        return lastEscalatedAt;
    }
}

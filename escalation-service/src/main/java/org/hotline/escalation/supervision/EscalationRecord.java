package org.hotline.escalation.supervision;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.hotline.events.EventEnvelope;
import org.hotline.events.Milestone;
import org.hotline.events.escalation.CaseEscalated;
import org.hotline.events.escalation.EscalationAcknowledged;
import org.hotline.events.escalation.EscalationLevel;
import org.hotline.support.outbox.AggregateRoot;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One step of the ladder that fired, as supervisors see and acknowledge it. Its id is the escalation id, derived from
 * the case, assignment, milestone and level, so a step fired twice (after a crash, by two instances) is stored and
 * published once; its CaseEscalated event id is derived from the same id, so consumers drop a re-publication.
 */
@Document("escalations")
@CompoundIndex(name = "open_level_department", def = "{'open': 1, 'level': 1, 'departmentCode': 1}")
class EscalationRecord extends AggregateRoot {

    static final String SOURCE = "escalation-service";

    @Id
    private String id;
    @Indexed
    private String caseId;
    private String correlationId;
    private EscalationLevel level;
    private Milestone milestone;
    private String assignmentId;
    private String departmentCode;
    private Instant deadline;
    private long lateMillis;
    private List<String> recipients;
    private String reason;
    private String emergencyPlan;
    @Indexed
    private Instant escalatedAt;
    private boolean open;
    private Instant settledAt;
    private String settledBy;
    private String acknowledgedBy;
    private String note;

    EscalationRecord() {
    }

    /** A step that fired: stored open, its CaseEscalated waiting in the outbox. */
    static EscalationRecord fired(NewEscalation e) {
        EscalationRecord record = new EscalationRecord();
        record.id = e.escalationId();
        record.caseId = e.caseId();
        record.correlationId = e.correlationId();
        record.level = e.level();
        record.milestone = e.milestone();
        record.assignmentId = e.assignmentId();
        record.departmentCode = e.departmentCode();
        record.deadline = e.deadline();
        record.lateMillis = e.late().toMillis();
        record.recipients = List.copyOf(e.recipients());
        record.reason = e.reason();
        record.emergencyPlan = e.emergencyPlan();
        record.escalatedAt = e.at();
        record.open = true;
        EventEnvelope envelope = new EventEnvelope(eventId("escalated", e.escalationId()), e.caseId(), e.at(), 1,
                SOURCE, e.correlationId(), e.causationId());
        record.raise(new CaseEscalated(envelope, e.escalationId(), e.level(), e.milestone(), e.assignmentId(),
                e.departmentCode(), e.deadline(), e.late(), record.recipients, e.reason(), e.emergencyPlan()));
        return record;
    }

    /** Someone notified took note: the escalation is no longer open. The caller checks it was not acknowledged. */
    void acknowledge(String by, String note, Instant at) {
        this.open = false;
        this.acknowledgedBy = by;
        this.note = note;
        this.settledAt = at;
        this.settledBy = "acknowledged";
        raise(new EscalationAcknowledged(new EventEnvelope(eventId("acknowledged", id), caseId, at, 1, SOURCE,
                correlationId, eventId("escalated", id).toString()), id, by, note));
    }

    boolean acknowledged() {
        return acknowledgedBy != null;
    }

    /** Event ids derived from the escalation id: the same step always gives the same event. */
    static UUID eventId(String what, String escalationId) {
        return UUID.nameUUIDFromBytes((what + ":" + escalationId).getBytes(StandardCharsets.UTF_8));
    }

    String getId() {
        return id;
    }

    String getCaseId() {
        return caseId;
    }

    EscalationLevel getLevel() {
        return level;
    }

    Milestone getMilestone() {
        return milestone;
    }

    String getAssignmentId() {
        return assignmentId;
    }

    String getDepartmentCode() {
        return departmentCode;
    }

    Instant getDeadline() {
        return deadline;
    }

    Duration getLate() {
        return Duration.ofMillis(lateMillis);
    }

    List<String> getRecipients() {
        return recipients;
    }

    String getReason() {
        return reason;
    }

    String getEmergencyPlan() {
        return emergencyPlan;
    }

    Instant getEscalatedAt() {
        return escalatedAt;
    }

    boolean isOpen() {
        return open;
    }

    Instant getSettledAt() {
        return settledAt;
    }

    String getSettledBy() {
        return settledBy;
    }

    String getAcknowledgedBy() {
        return acknowledgedBy;
    }

    String getNote() {
        return note;
    }
}

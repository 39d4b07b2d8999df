package org.hotline.routing.assignment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.hotline.events.CaseKind;
import org.hotline.events.EventEnvelope;
import org.hotline.events.Urgency;
import org.hotline.events.intake.CaseOpened;
import org.hotline.events.routing.AssignmentRejected;
import org.hotline.events.routing.CaseAccepted;
import org.hotline.events.routing.CaseAssigned;
import org.hotline.events.routing.CaseProgressed;
import org.hotline.events.routing.Deadlines;
import org.hotline.support.outbox.AggregateRoot;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** A case as routing sees it: its assignments to departments, one after another when a department bounces it. */
@Document("routed_cases")
class RoutedCase extends AggregateRoot {

    static final String SOURCE = "routing-service";

    enum RoutingStatus {
        /** No rule matched, or a department rejected it: waiting for an operator in the dispatch queue. */
        AWAITING_DISPATCH,
        ASSIGNED,
        ACCEPTED,
        RESOLVED
    }

    @Id
    private String id;
    private String trackingNumber;
    private CaseKind kind;
    private Urgency urgency;
    private String category;
    private String subCategory;
    private String description;
    private Instant openedAt;
    private String correlationId;
    @Indexed
    private RoutingStatus status;
    private String dispatchReason;
    private List<Assignment> assignments = new ArrayList<>();
    private int bounceCount;

    RoutedCase() {
    }

    static RoutedCase of(CaseOpened opened) {
        RoutedCase routed = new RoutedCase();
        routed.id = opened.caseId();
        routed.trackingNumber = opened.trackingNumber();
        routed.kind = opened.kind();
        routed.urgency = opened.urgency();
        routed.category = opened.category();
        routed.subCategory = opened.subCategory();
        routed.description = opened.description();
        routed.openedAt = opened.occurredAt();
        routed.correlationId = opened.envelope().correlationId();
        return routed;
    }

    void awaitDispatch(String reason) {
        status = RoutingStatus.AWAITING_DISPATCH;
        dispatchReason = reason;
    }

    void assign(String departmentCode, List<String> assisting, String ruleId, int ruleVersion, Deadlines deadlines,
            Instant now, String causationId) {
        String assignmentId = id + "-A" + (assignments.size() + 1);
        assignments.add(new Assignment(assignmentId, departmentCode, List.copyOf(assisting), ruleId, ruleVersion, now,
                deadlines, Assignment.AssignmentStatus.PENDING, null, null, null));
        status = RoutingStatus.ASSIGNED;
        dispatchReason = null;
        raise(new CaseAssigned(envelope(causationId, now), assignmentId, departmentCode, List.copyOf(assisting),
                kind, urgency, category, ruleId, ruleVersion, deadlines, bounceCount));
    }

    void accept(String assignmentId, String handlerId, Instant now) {
        Assignment assignment = pending(assignmentId);
        replace(assignment.accepted(handlerId, now));
        status = RoutingStatus.ACCEPTED;
        raise(new CaseAccepted(envelope(assignmentId, now), assignmentId, assignment.departmentCode(), handlerId));
    }

    void reject(String assignmentId, String reason, Instant now) {
        Assignment assignment = pending(assignmentId);
        replace(assignment.rejected(reason));
        bounceCount++;
        awaitDispatch("Rejected by " + assignment.departmentCode() + ": " + reason);
        raise(new AssignmentRejected(envelope(assignmentId, now), assignmentId, assignment.departmentCode(), reason));
    }

    void progress(String assignmentId, String note, Instant now) {
        Assignment assignment = current().filter(a -> a.id().equals(assignmentId)
                && a.status() == Assignment.AssignmentStatus.ACCEPTED)
                .orElseThrow(() -> new AssignmentStateException("Assignment " + assignmentId
                        + " is not accepted and current; progress is reported on the accepted assignment"));
        raise(new CaseProgressed(envelope(assignmentId, now), assignmentId, assignment.departmentCode(), note));
    }

    void markResolved() {
        current().ifPresent(a -> replace(a.resolved()));
        status = RoutingStatus.RESOLVED;
    }

    Optional<Assignment> current() {
        return assignments.isEmpty() ? Optional.empty() : Optional.of(assignments.get(assignments.size() - 1));
    }

    private Assignment pending(String assignmentId) {
        return current().filter(a -> a.id().equals(assignmentId)
                && a.status() == Assignment.AssignmentStatus.PENDING)
                .orElseThrow(() -> new AssignmentStateException("Assignment " + assignmentId
                        + " is not waiting for acceptance"));
    }

    private void replace(Assignment updated) {
        assignments.replaceAll(a -> a.id().equals(updated.id()) ? updated : a);
    }

    private EventEnvelope envelope(String causationId, Instant now) {
        return EventEnvelope.caused(id, correlationId, causationId, now, SOURCE);
    }

    String getId() {
        return id;
    }

    String getTrackingNumber() {
        return trackingNumber;
    }

    CaseKind getKind() {
        return kind;
    }

    Urgency getUrgency() {
        return urgency;
    }

    String getCategory() {
        return category;
    }

    Instant getOpenedAt() {
        return openedAt;
    }

    RoutingStatus getStatus() {
        return status;
    }

    String getDispatchReason() {
        return dispatchReason;
    }

    List<Assignment> getAssignments() {
        return List.copyOf(assignments);
    }

    int getBounceCount() {
        return bounceCount;
    }
}

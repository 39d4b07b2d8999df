package org.hotline.routing.assignment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.hotline.events.EventEnvelope;
import org.hotline.events.Milestone;
import org.hotline.events.Urgency;
import org.hotline.events.calendar.WorkingCalendar;
import org.hotline.events.feedback.CaseReopened;
import org.hotline.events.intake.CaseOpened;
import org.hotline.events.routing.AssignedDepartment;
import org.hotline.events.routing.AssignmentReason;
import org.hotline.events.routing.AssignmentRejected;
import org.hotline.events.routing.CaseAccepted;
import org.hotline.events.routing.CaseAssigned;
import org.hotline.events.routing.CaseOnHold;
import org.hotline.events.routing.CaseProgressed;
import org.hotline.events.routing.DeadlineChange;
import org.hotline.events.routing.DeadlinesChanged;
import org.hotline.events.routing.DepartmentRole;
import org.hotline.events.routing.ExtensionDecided;
import org.hotline.events.routing.ExtensionRequested;
import org.hotline.routing.calendar.Terms;
import org.hotline.routing.rules.CaseFacts;
import org.hotline.support.outbox.AggregateRoot;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A case as routing sees it: its assignments to departments (a lead and its assistants; one lead after another when
 * a department bounces it, a supervisor transfers it or the caller sends it back), and the facts from other
 * services (opened, resolved, reopened, closed) that decide its state whatever order they arrive in.
 */
@Document("routed_cases")
class RoutedCase extends AggregateRoot {

    static final String SOURCE = "routing-service";

    enum RoutingStatus {
        /** No rule matched, or every matching department rejected it: an operator assigns it by hand. */
        AWAITING_DISPATCH,
        /** Too many bounces, or reopened too often: a supervisor decides. */
        SUPERVISOR_QUEUE,
        ASSIGNED,
        ACCEPTED,
        ON_HOLD,
        RESOLVED,
        CLOSED
    }

    @Id
    private String id;
    private boolean opened;
    private String trackingNumber;
    private CaseFacts facts;
    private Urgency urgency;
    private Instant openedAt;
    private String correlationId;
    @Indexed
    private RoutingStatus status;
    private String queueReason;
    private List<Assignment> assignments = new ArrayList<>();
    private int bounceCount;
    private List<String> rejectedDepartments = new ArrayList<>();
    /** The calendar version the open deadlines were computed on. */
    @Indexed
    private int calendarVersion;
    private Instant lastResolvedAt;
    private Instant lastReopenedAt;
    private String lastReopenEventId;
    private String lastReopenDepartment;
    private String lastReopenReason;
    private boolean lastReopenToSupervisor;
    private String appliedReopenEventId;
    private Instant closedAt;

    RoutedCase() {
    }

    /** A case first heard of by any of its events; {@link #open} fills in what the opening says. */
    static RoutedCase heardOf(String caseId) {
        RoutedCase routed = new RoutedCase();
        routed.id = caseId;
        return routed;
    }

    void open(CaseOpened event) {
        opened = true;
        trackingNumber = event.trackingNumber();
        facts = CaseFacts.of(event);
        urgency = event.urgency();
        openedAt = event.occurredAt();
        correlationId = event.envelope().correlationId();
    }

    /** Records a resolution; returns whether it is the newest fact, so that open assignments end. */
    boolean recordResolved(Instant at) {
        if (lastResolvedAt == null || at.isAfter(lastResolvedAt)) {
            lastResolvedAt = at;
        }
        return isResolvedLast();
    }

    /** Records a reopening; returns whether it is the newest fact, so that rework is due. */
    boolean recordReopened(CaseReopened event) {
        if (lastReopenedAt == null || event.occurredAt().isAfter(lastReopenedAt)) {
            lastReopenedAt = event.occurredAt();
            lastReopenEventId = event.eventId().toString();
            lastReopenDepartment = event.departmentCode();
            lastReopenReason = event.reason();
            lastReopenToSupervisor = event.toSupervisor();
        }
        return reworkDue();
    }

    void recordClosed(Instant at) {
        closedAt = at;
        endOpen(Assignment.Status.CLOSED, at);
        status = RoutingStatus.CLOSED;
    }

    boolean isResolvedLast() {
        return lastResolvedAt != null && (lastReopenedAt == null || lastResolvedAt.isAfter(lastReopenedAt));
    }

    /** The newest fact is a reopening that has not been carried out yet. */
    boolean reworkDue() {
        return opened && closedAt == null && lastReopenedAt != null && !isResolvedLast()
                && !lastReopenEventId.equals(appliedReopenEventId);
    }

    void markResolved(Instant at) {
        endOpen(Assignment.Status.RESOLVED, at);
        if (closedAt == null) {
            status = RoutingStatus.RESOLVED;
        }
    }

    /** The department to redo the work: the one the caller's reopening names, or the last lead. */
    Optional<String> reworkDepartment() {
        if (lastReopenDepartment != null) {
            return Optional.of(lastReopenDepartment);
        }
        return lead().map(Assignment::getDepartmentCode);
    }

    /** Marks the pending reopening as carried out and ends what is still open of the previous handling. */
    void startRework(Instant now) {
        appliedReopenEventId = lastReopenEventId;
        endOpen(Assignment.Status.CLOSED, now);
    }

    void awaitDispatch(String reason) {
        status = RoutingStatus.AWAITING_DISPATCH;
        queueReason = reason;
    }

    void toSupervisor(String reason) {
        status = RoutingStatus.SUPERVISOR_QUEUE;
        queueReason = reason;
    }

    /** Gives the case to a lead and assistants, each with a fresh clock from {@code now}. */
    void assign(String lead, List<String> assisting, String ruleId, int ruleVersion, AssignmentReason reason,
            Terms terms, WorkingCalendar calendar, int calendarVersion, Instant now, String causationId) {
        Instant promisedFrom = reason == AssignmentReason.REWORK || openedAt == null ? now : openedAt;
        long leads = assignments.stream().filter(a -> a.getRole() == DepartmentRole.LEAD).count();
        String leadId = id + "-A" + (leads + 1);
        Assignment leadAssignment = new Assignment(leadId, lead, DepartmentRole.LEAD, null, reason, ruleId,
                ruleVersion, now, promisedFrom, terms, calendar, calendarVersion);
        assignments.add(leadAssignment);
        List<AssignedDepartment> departments = new ArrayList<>();
        departments.add(new AssignedDepartment(leadId, lead, DepartmentRole.LEAD));
        int k = 0;
        for (String department : assisting.stream().distinct().filter(d -> !d.equals(lead)).toList()) {
            String assistId = leadId + "-S" + (++k);
            assignments.add(new Assignment(assistId, department, DepartmentRole.ASSIST, leadId, reason, ruleId,
                    ruleVersion, now, promisedFrom, terms, calendar, calendarVersion));
            departments.add(new AssignedDepartment(assistId, department, DepartmentRole.ASSIST));
        }
        status = RoutingStatus.ASSIGNED;
        queueReason = null;
        this.calendarVersion = calendarVersion;
        raise(new CaseAssigned(envelope(causationId, now), leadId, lead, List.copyOf(departments),
                facts == null ? null : facts.kind(), urgency, facts == null ? null : facts.category(), ruleId,
                ruleVersion, calendarVersion, leadAssignment.getDeadlines(), bounceCount, reason));
    }

    void accept(String assignmentId, String handlerId, Instant now) {
        Assignment assignment = inStatus(assignmentId, Assignment.Status.PENDING, "waiting for acceptance");
        assignment.accept(handlerId, now);
        if (assignment.getRole() == DepartmentRole.LEAD) {
            status = RoutingStatus.ACCEPTED;
        }
        raise(new CaseAccepted(envelope(assignmentId, now), assignmentId, assignment.getDepartmentCode(), handlerId));
    }

    /**
     * A department refuses its assignment (退單). An assistant's refusal ends only its own share; the lead's
     * counts as a bounce, ends the assistants' shares too, and the caller routes the case again.
     *
     * @return whether the lead bounced the case
     */
    boolean reject(String assignmentId, String reason, Instant now) {
        Assignment assignment = inStatus(assignmentId, Assignment.Status.PENDING, "waiting for acceptance");
        assignment.reject(reason, now);
        raise(new AssignmentRejected(envelope(assignmentId, now), assignmentId, assignment.getDepartmentCode(),
                reason));
        if (assignment.getRole() != DepartmentRole.LEAD) {
            return false;
        }
        assistantsOf(assignmentId).filter(a -> a.getStatus().open())
                .forEach(a -> a.end(Assignment.Status.CLOSED, now));
        bounceCount++;
        if (!rejectedDepartments.contains(assignment.getDepartmentCode())) {
            rejectedDepartments.add(assignment.getDepartmentCode());
        }
        return true;
    }

    void progress(String assignmentId, String note, Milestone reached, Instant now) {
        Assignment assignment = open(assignmentId);
        if (assignment.getStatus() == Assignment.Status.PENDING) {
            throw new AssignmentStateException("Assignment " + assignmentId
                    + " is not accepted yet; accept it before reporting progress");
        }
        assignment.progress(new Assignment.ProgressNote(now, note, reached));
        raise(new CaseProgressed(envelope(assignmentId, now), assignmentId, assignment.getDepartmentCode(), note,
                reached));
    }

    void hold(String assignmentId, String reason, Instant now) {
        Assignment assignment = inStatus(assignmentId, Assignment.Status.ACCEPTED, "accepted and running");
        assignment.hold(reason, now);
        if (assignment.getRole() == DepartmentRole.LEAD) {
            status = RoutingStatus.ON_HOLD;
        }
        raise(new CaseOnHold(envelope(assignmentId, now), assignmentId, assignment.getDepartmentCode(), reason));
    }

    void resume(String assignmentId, String note, WorkingCalendar calendar, int version, Instant now) {
        Assignment assignment = inStatus(assignmentId, Assignment.Status.ON_HOLD, "on hold");
        assignment.resume(now, calendar, version);
        if (assignment.getRole() == DepartmentRole.LEAD) {
            status = RoutingStatus.ACCEPTED;
        }
        raise(new DeadlinesChanged(envelope(assignmentId, now), assignmentId, assignment.getDepartmentCode(),
                assignment.getDeadlines(), DeadlineChange.RESUMED, assignment.getCalendarVersion(), note));
    }

    void requestExtension(String assignmentId, String reason, Instant requestedResolveBy, Instant now) {
        Assignment assignment = open(assignmentId);
        if (assignment.getPendingExtension() != null) {
            throw new AssignmentStateException("Assignment " + assignmentId
                    + " already has an extension request waiting for a supervisor");
        }
        Instant current = assignment.getDeadlines().resolveBy();
        if (current != null && !requestedResolveBy.isAfter(current)) {
            throw new InvalidRequestException("requestedResolveBy", "must be later than the current resolution "
                    + "deadline " + current);
        }
        assignment.requestExtension(new Assignment.ExtensionRequest(now, reason, requestedResolveBy));
        raise(new ExtensionRequested(envelope(assignmentId, now), assignmentId, assignment.getDepartmentCode(),
                reason, requestedResolveBy));
    }

    void decideExtension(String assignmentId, boolean approved, String supervisorId, String note,
            WorkingCalendar calendar, int version, Instant now) {
        Assignment assignment = open(assignmentId);
        if (assignment.getPendingExtension() == null) {
            throw new AssignmentStateException("Assignment " + assignmentId + " has no extension request to decide");
        }
        raise(new ExtensionDecided(envelope(assignmentId, now), assignmentId, assignment.getDepartmentCode(),
                approved, supervisorId, note));
        if (approved) {
            assignment.grantExtension(now, calendar, version);
            raise(new DeadlinesChanged(envelope(assignmentId, now), assignmentId, assignment.getDepartmentCode(),
                    assignment.getDeadlines(), DeadlineChange.EXTENSION, assignment.getCalendarVersion(), note));
        }
        else {
            assignment.refuseExtension();
        }
    }

    /** A supervisor takes the case from its lead (and the lead's assistants); the caller assigns it again. */
    void transferFrom(String assignmentId, Instant now) {
        Assignment lead = open(assignmentId);
        if (lead.getRole() != DepartmentRole.LEAD) {
            throw new AssignmentStateException("Assignment " + assignmentId
                    + " is an assisting share; transfer the lead assignment " + lead.getLeadAssignmentId());
        }
        lead.end(Assignment.Status.TRANSFERRED, now);
        assistantsOf(assignmentId).filter(a -> a.getStatus().open())
                .forEach(a -> a.end(Assignment.Status.TRANSFERRED, now));
    }

    /**
     * Recomputes every open assignment's deadlines on a calendar version; each one that moved is a
     * DeadlinesChanged with change CALENDAR.
     */
    void recompute(WorkingCalendar calendar, int version, Instant now, String causationId) {
        for (Assignment assignment : assignments) {
            if (assignment.getStatus().open() && assignment.getCalendarVersion() != version
                    && assignment.recompute(calendar, version)) {
                raise(new DeadlinesChanged(envelope(causationId, now), assignment.getId(),
                        assignment.getDepartmentCode(), assignment.getDeadlines(), DeadlineChange.CALENDAR, version,
                        "Working calendar version " + version));
            }
        }
        calendarVersion = version;
    }

    Optional<Assignment> lead() {
        for (int i = assignments.size() - 1; i >= 0; i--) {
            if (assignments.get(i).getRole() == DepartmentRole.LEAD) {
                return Optional.of(assignments.get(i));
            }
        }
        return Optional.empty();
    }

    Optional<Assignment> assignment(String assignmentId) {
        return assignments.stream().filter(a -> a.getId().equals(assignmentId)).findFirst();
    }

    Stream<Assignment> assistantsOf(String leadAssignmentId) {
        return assignments.stream().filter(a -> leadAssignmentId.equals(a.getLeadAssignmentId()));
    }

    private void endOpen(Assignment.Status to, Instant at) {
        assignments.stream().filter(a -> a.getStatus().open()).forEach(a -> a.end(to, at));
    }

    private Assignment open(String assignmentId) {
        Assignment assignment = assignment(assignmentId)
                .orElseThrow(() -> new NotFoundException("No assignment " + assignmentId));
        if (!assignment.getStatus().open()) {
            throw new AssignmentStateException("Assignment " + assignmentId + " is " + assignment.getStatus()
                    + ", no longer open");
        }
        return assignment;
    }

    private Assignment inStatus(String assignmentId, Assignment.Status expected, String description) {
        Assignment assignment = assignment(assignmentId)
                .orElseThrow(() -> new NotFoundException("No assignment " + assignmentId));
        if (assignment.getStatus() != expected) {
            throw new AssignmentStateException("Assignment " + assignmentId + " is " + assignment.getStatus()
                    + ", not " + description);
        }
        return assignment;
    }

    private EventEnvelope envelope(String causationId, Instant now) {
        return EventEnvelope.caused(id, correlationId, causationId, now, SOURCE);
    }

    String getId() {
        return id;
    }

    boolean isOpened() {
        return opened;
    }

    String getTrackingNumber() {
        return trackingNumber;
    }

    CaseFacts getFacts() {
        return facts;
    }

    Urgency getUrgency() {
        return urgency;
    }

    Instant getOpenedAt() {
        return openedAt;
    }

    RoutingStatus getStatus() {
        return status;
    }

    String getQueueReason() {
        return queueReason;
    }

    List<Assignment> getAssignments() {
        return List.copyOf(assignments);
    }

    int getBounceCount() {
        return bounceCount;
    }

    List<String> getRejectedDepartments() {
        return List.copyOf(rejectedDepartments);
    }

    boolean isReopenToSupervisor() {
        return lastReopenToSupervisor;
    }

    String getReopenReason() {
        return lastReopenReason;
    }

    int getCalendarVersion() {
        return calendarVersion;
    }

    Instant getClosedAt() {
        return closedAt;
    }
}

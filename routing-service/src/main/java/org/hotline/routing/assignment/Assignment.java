package org.hotline.routing.assignment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.hotline.events.Milestone;
import org.hotline.events.calendar.WorkingCalendar;
import org.hotline.events.routing.AssignmentReason;
import org.hotline.events.routing.Deadlines;
import org.hotline.events.routing.DepartmentRole;
import org.hotline.routing.calendar.DeadlineSchedule;
import org.hotline.routing.calendar.DeadlineSchedule.Extension;
import org.hotline.routing.calendar.DeadlineSchedule.Pause;
import org.hotline.routing.calendar.Terms;

/**
 * One department's share of a case: the lead's, or an assistant's. Its clocks start at its own {@code assignedAt},
 * stop while the case waits on the caller, and move with granted extensions and new calendar versions; the
 * deadlines are always recomputed from these facts, never edited.
 */
class Assignment {

    enum Status {
        PENDING, ACCEPTED, ON_HOLD, REJECTED, TRANSFERRED, RESOLVED, CLOSED;

        boolean open() {
            return this == PENDING || this == ACCEPTED || this == ON_HOLD;
        }
    }

    /** A progress report; the lead department sees its assistants'. */
    record ProgressNote(Instant at, String note, Milestone reached) {
    }

    /** A department's pending request for more time. */
    record ExtensionRequest(Instant at, String reason, Instant requestedResolveBy) {
    }

    private String id;
    private String departmentCode;
    private DepartmentRole role;
    /** An assistant's lead assignment; null for the lead. */
    private String leadAssignmentId;
    private AssignmentReason reason;
    private String ruleId;
    private int ruleVersion;
    private Instant assignedAt;
    private Instant promisedFrom;
    private Terms terms;
    private int calendarVersion;
    private Deadlines deadlines;
    private Status status;
    private String handlerId;
    private Instant acceptedAt;
    private String rejectionReason;
    private Instant holdSince;
    private String holdReason;
    private List<Pause> pauses = new ArrayList<>();
    private List<Extension> extensions = new ArrayList<>();
    private ExtensionRequest pendingExtension;
    private List<ProgressNote> progress = new ArrayList<>();
    private Instant closedAt;

    Assignment() {
    }

    Assignment(String id, String departmentCode, DepartmentRole role, String leadAssignmentId,
            AssignmentReason reason, String ruleId, int ruleVersion, Instant assignedAt, Instant promisedFrom,
            Terms terms, WorkingCalendar calendar, int calendarVersion) {
        this.id = id;
        this.departmentCode = departmentCode;
        this.role = role;
        this.leadAssignmentId = leadAssignmentId;
        this.reason = reason;
        this.ruleId = ruleId;
        this.ruleVersion = ruleVersion;
        this.assignedAt = assignedAt;
        this.promisedFrom = promisedFrom;
        this.terms = terms;
        this.status = Status.PENDING;
        recompute(calendar, calendarVersion);
    }

    /** Recomputes the deadlines on a calendar; returns whether they changed. */
    boolean recompute(WorkingCalendar calendar, int version) {
        Deadlines before = deadlines;
        List<DeadlineSchedule.Adjustment> adjustments = new ArrayList<>(pauses);
        adjustments.addAll(extensions);
        deadlines = DeadlineSchedule.compute(terms, assignedAt, promisedFrom, calendar, adjustments);
        calendarVersion = version;
        return !deadlines.equals(before);
    }

    void accept(String handler, Instant at) {
        status = Status.ACCEPTED;
        handlerId = handler;
        acceptedAt = at;
    }

    void reject(String why, Instant at) {
        status = Status.REJECTED;
        rejectionReason = why;
        closedAt = at;
    }

    void end(Status to, Instant at) {
        if (status == Status.ON_HOLD && holdSince != null) {
            pauses.add(new Pause(holdSince, at));
            holdSince = null;
        }
        status = to;
        closedAt = at;
        pendingExtension = null;
    }

    void hold(String why, Instant at) {
        status = Status.ON_HOLD;
        holdSince = at;
        holdReason = why;
    }

    void resume(Instant at, WorkingCalendar calendar, int version) {
        pauses.add(new Pause(holdSince, at));
        holdSince = null;
        holdReason = null;
        status = Status.ACCEPTED;
        recompute(calendar, version);
    }

    void requestExtension(ExtensionRequest request) {
        pendingExtension = request;
    }

    void grantExtension(Instant at, WorkingCalendar calendar, int version) {
        extensions.add(new Extension(at, pendingExtension.requestedResolveBy()));
        pendingExtension = null;
        recompute(calendar, version);
    }

    void refuseExtension() {
        pendingExtension = null;
    }

    void progress(ProgressNote note) {
        progress.add(note);
    }

    /** The deadline the department works towards now: acceptance while pending, else resolution. */
    Instant nextDeadline() {
        if (deadlines == null) {
            return null;
        }
        return status == Status.PENDING ? deadlines.acceptBy() : deadlines.resolveBy();
    }

    boolean overdue(Instant now) {
        Instant next = nextDeadline();
        return status.open() && status != Status.ON_HOLD && next != null && next.isBefore(now);
    }

    String getId() {
        return id;
    }

    String getDepartmentCode() {
        return departmentCode;
    }

    DepartmentRole getRole() {
        return role;
    }

    String getLeadAssignmentId() {
        return leadAssignmentId;
    }

    AssignmentReason getReason() {
        return reason;
    }

    String getRuleId() {
        return ruleId;
    }

    int getRuleVersion() {
        return ruleVersion;
    }

    Instant getAssignedAt() {
        return assignedAt;
    }

    int getCalendarVersion() {
        return calendarVersion;
    }

    Deadlines getDeadlines() {
        return deadlines;
    }

    Status getStatus() {
        return status;
    }

    String getHandlerId() {
        return handlerId;
    }

    Instant getAcceptedAt() {
        return acceptedAt;
    }

    String getRejectionReason() {
        return rejectionReason;
    }

    Instant getHoldSince() {
        return holdSince;
    }

    String getHoldReason() {
        return holdReason;
    }

    ExtensionRequest getPendingExtension() {
        return pendingExtension;
    }

    List<ProgressNote> getProgress() {
        return List.copyOf(progress);
    }

    List<Pause> getPauses() {
        return List.copyOf(pauses);
    }

    List<Extension> getExtensions() {
        return List.copyOf(extensions);
    }
}

package org.hotline.escalation.timers.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.hotline.events.Milestone;
import org.hotline.events.Urgency;
import org.hotline.events.routing.AssignedDepartment;
import org.hotline.events.routing.CaseAssigned;
import org.hotline.events.routing.DeadlineChange;
import org.hotline.events.routing.Deadlines;
import org.hotline.events.routing.DepartmentRole;

/**
 * Everything escalation has learnt about one case, kept so that the timers come out the same whatever order the
 * case's events arrive in: a milestone met before the assignment that set it arrives, a deadline change before its
 * assignment, an old assignment after the one that superseded it. {@link #timers()} derives every milestone timer
 * the case should have from these facts alone.
 * <p>
 * Instants are kept to the millisecond, the precision of the store, so a comparison gives the same answer before and
 * after a save.
 */
public final class CaseFacts {

    static final String CLOSED = "case closed";
    static final String SUPERSEDED = "superseded by a later assignment";
    static final String REJECTED = "assignment rejected";
    static final String ON_HOLD = "clock paused: waiting on the caller";
    static final String RESOLVED = "case resolved";

    private String caseId;
    private boolean emergency;
    private String category;
    private Instant openedAt;
    private String openedEventId;
    private List<Assignment> assignments = new ArrayList<>();
    private Instant latestAssignedAt;
    private List<MetMilestone> met = new ArrayList<>();
    private List<DeadlineRevision> revisions = new ArrayList<>();
    private List<Hold> holds = new ArrayList<>();
    private List<String> rejected = new ArrayList<>();
    private Instant acceptedAt;
    private Instant resolvedAt;
    private String resolvedBy;
    private Instant reviewDueBy;
    private Instant feedbackAt;
    private Instant callbackAt;
    private Instant closedAt;
    private Instant reviewFiledAt;

    CaseFacts() {
    }

    public static CaseFacts of(String caseId) {
        CaseFacts facts = new CaseFacts();
        facts.caseId = caseId;
        return facts;
    }

    /**
     * A copy to compare with after an event ({@link #equals}): an event that leaves the facts equal changes nothing,
     * and nothing needs writing. The lists hold immutable records, so copying the lists is enough.
     */
    public CaseFacts copy() {
        CaseFacts copy = new CaseFacts();
        copy.caseId = caseId;
        copy.emergency = emergency;
        copy.category = category;
        copy.openedAt = openedAt;
        copy.openedEventId = openedEventId;
        copy.assignments = new ArrayList<>(assignments);
        copy.latestAssignedAt = latestAssignedAt;
        copy.met = new ArrayList<>(met);
        copy.revisions = new ArrayList<>(revisions);
        copy.holds = new ArrayList<>(holds);
        copy.rejected = new ArrayList<>(rejected);
        copy.acceptedAt = acceptedAt;
        copy.resolvedAt = resolvedAt;
        copy.resolvedBy = resolvedBy;
        copy.reviewDueBy = reviewDueBy;
        copy.feedbackAt = feedbackAt;
        copy.callbackAt = callbackAt;
        copy.closedAt = closedAt;
        copy.reviewFiledAt = reviewFiledAt;
        return copy;
    }

    /** Equal facts: every field equal, the lists in the same order (the order their facts arrived in). */
    @Override
    public boolean equals(Object other) {
        return other instanceof CaseFacts o && emergency == o.emergency && Objects.equals(caseId, o.caseId)
                && Objects.equals(category, o.category) && Objects.equals(openedAt, o.openedAt)
                && Objects.equals(openedEventId, o.openedEventId) && assignments.equals(o.assignments)
                && Objects.equals(latestAssignedAt, o.latestAssignedAt) && met.equals(o.met)
                && revisions.equals(o.revisions) && holds.equals(o.holds) && rejected.equals(o.rejected)
                && Objects.equals(acceptedAt, o.acceptedAt) && Objects.equals(resolvedAt, o.resolvedAt)
                && Objects.equals(resolvedBy, o.resolvedBy) && Objects.equals(reviewDueBy, o.reviewDueBy)
                && Objects.equals(feedbackAt, o.feedbackAt) && Objects.equals(callbackAt, o.callbackAt)
                && Objects.equals(closedAt, o.closedAt) && Objects.equals(reviewFiledAt, o.reviewFiledAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(caseId, openedAt, latestAssignedAt, resolvedAt, closedAt, assignments.size(),
                met.size());
    }

    /**
     * One department's assignment, as its CaseAssigned set it.
     *
     * @param causationId the CaseAssigned event id
     */
    public record Assignment(String assignmentId, String departmentCode, DepartmentRole role, Instant assignedAt,
            Deadlines deadlines, ClockKind clock, String causationId) {
    }

    /** A milestone an assignment met, e.g. its acceptance. */
    public record MetMilestone(String assignmentId, Milestone milestone, Instant at, String how) {
    }

    /** The latest deadlines of an assignment after a change (extension, resumed clock, new calendar). */
    public record DeadlineRevision(String assignmentId, Deadlines deadlines, Instant at, String causationId) {
    }

    /** When an assignment's clock last paused and last resumed. */
    public record Hold(String assignmentId, Instant onHoldAt, Instant resumedAt) {

        boolean paused() {
            return onHoldAt != null && (resumedAt == null || resumedAt.isBefore(onHoldAt));
        }
    }

    /** The case opened; an emergency runs the emergency response. */
    public void opened(Urgency urgency, String category, Instant at, String eventId) {
        emergency |= urgency == Urgency.EMERGENCY;
        this.category = category;
        openedAt = ms(at);
        openedEventId = eventId;
    }

    /** Every department of the assignment gets its own timers; a later assignment supersedes the earlier ones. */
    public void assigned(CaseAssigned assigned) {
        Instant at = ms(assigned.occurredAt());
        boolean aroundTheClock = assigned.urgency() == Urgency.EMERGENCY;
        emergency |= aroundTheClock;
        if (category == null) {
            category = assigned.category();
        }
        latestAssignedAt = latest(latestAssignedAt, at);
        List<AssignedDepartment> departments = assigned.assignments() == null || assigned.assignments().isEmpty()
                ? List.of(new AssignedDepartment(assigned.assignmentId(), assigned.departmentCode(),
                        DepartmentRole.LEAD))
                : assigned.assignments();
        for (AssignedDepartment department : departments) {
            if (assignment(department.assignmentId()).isEmpty()) {
                assignments.add(new Assignment(department.assignmentId(), department.departmentCode(),
                        department.role() == null ? DepartmentRole.LEAD : department.role(), at,
                        assigned.deadlines() == null ? new Deadlines(null, null, null, null, null, null)
                                : assigned.deadlines(),
                        aroundTheClock ? ClockKind.AROUND_THE_CLOCK : ClockKind.WORKING_HOURS,
                        assigned.eventId().toString()));
            }
        }
    }

    /** The department signed for the assignment; an emergency has a department in charge now. */
    public void accepted(String assignmentId, Instant at) {
        acceptedAt = earliest(acceptedAt, ms(at));
        meet(assignmentId, Milestone.ACCEPTANCE, at, "accepted");
    }

    /** A progress report may meet the on-site or handling milestone; any report shows the case was accepted. */
    public void progressed(String assignmentId, Milestone reached, Instant at) {
        if (reached != null) {
            meet(assignmentId, reached, at, "reported " + reached.name().toLowerCase().replace('_', ' '));
            meet(assignmentId, Milestone.ACCEPTANCE, at, "progress reported");
        }
    }

    public void rejected(String assignmentId) {
        if (!rejected.contains(assignmentId)) {
            rejected.add(assignmentId);
        }
    }

    public void onHold(String assignmentId, Instant at) {
        Hold hold = hold(assignmentId);
        putHold(new Hold(assignmentId, latest(hold.onHoldAt(), ms(at)), hold.resumedAt()));
    }

    /** The assignment's deadlines were replaced whole; a RESUMED change also restarts a paused clock. */
    public void deadlinesChanged(String assignmentId, Deadlines deadlines, DeadlineChange change, Instant at,
            String eventId) {
        Instant when = ms(at);
        Optional<DeadlineRevision> current = revisions.stream().filter(r -> r.assignmentId().equals(assignmentId))
                .findFirst();
        if (current.isEmpty() || current.get().at().isBefore(when)) {
            current.ifPresent(revisions::remove);
            revisions.add(new DeadlineRevision(assignmentId, deadlines, when, eventId));
        }
        if (change == DeadlineChange.RESUMED) {
            Hold hold = hold(assignmentId);
            putHold(new Hold(assignmentId, hold.onHoldAt(), latest(hold.resumedAt(), when)));
        }
    }

    /**
     * Handling finished: every handling milestone of the assignments made until then is met. An emergency owes an
     * after-action review by {@code reviewDueBy}.
     */
    public void resolved(Instant at, String departmentCode, Instant reviewDueBy) {
        Instant when = ms(at);
        if (resolvedAt == null || when.isAfter(resolvedAt)) {
            resolvedAt = when;
            resolvedBy = departmentCode;
        }
        if (this.reviewDueBy == null) {
            this.reviewDueBy = ms(reviewDueBy);
        }
    }

    public void feedbackDelivered(Instant at) {
        feedbackAt = latest(feedbackAt, ms(at));
    }

    /** The caller was reached at the callback (or answered unsatisfied and the case reopened). */
    public void callbackDone(Instant at) {
        callbackAt = latest(callbackAt, ms(at));
    }

    public void closed(Instant at) {
        closedAt = earliest(closedAt, ms(at));
    }

    /** The after-action review was filed. */
    public void reviewFiled(Instant at) {
        reviewFiledAt = ms(at);
    }

    /** Every milestone timer the case should have now. */
    public List<TimerSpec> timers() {
        List<TimerSpec> timers = new ArrayList<>();
        for (Assignment assignment : assignments) {
            Deadlines deadlines = deadlinesOf(assignment);
            String causation = revisions.stream().filter(r -> r.assignmentId().equals(assignment.assignmentId()))
                    .map(DeadlineRevision::causationId).findFirst().orElse(assignment.causationId());
            add(timers, assignment, Milestone.ACCEPTANCE, deadlines.acceptBy(), causation);
            add(timers, assignment, Milestone.ON_SITE, deadlines.onSiteBy(), causation);
            add(timers, assignment, Milestone.HANDLING, deadlines.handleBy(), causation);
            add(timers, assignment, Milestone.RESOLUTION, deadlines.resolveBy(), causation);
            if (assignment.role() == DepartmentRole.LEAD) {
                add(timers, assignment, Milestone.FEEDBACK, deadlines.replyBy(), causation);
                add(timers, assignment, Milestone.CALLBACK, deadlines.callbackBy(), causation);
            }
        }
        if (emergency && openedAt != null) {
            TimerState state = closedAt != null ? TimerState.CANCELLED
                    : acceptedAt != null || resolvedAt != null ? TimerState.MET : TimerState.OPEN;
            timers.add(new TimerSpec(TimerSpec.timerId(caseId, null, Milestone.EMERGENCY_RESPONSE), caseId, null,
                    null, Milestone.EMERGENCY_RESPONSE, ClockKind.AROUND_THE_CLOCK, openedAt, openedAt, state,
                    state == TimerState.CANCELLED ? CLOSED : state == TimerState.MET
                            ? (acceptedAt != null ? "a department accepted" : RESOLVED) : null,
                    openedEventId));
        }
        if (emergency && resolvedAt != null && reviewDueBy != null) {
            // the review is owed whatever happens to the caller's case afterwards, closure included
            boolean filed = reviewFiledAt != null;
            timers.add(new TimerSpec(TimerSpec.timerId(caseId, null, Milestone.AFTER_ACTION_REVIEW), caseId, null,
                    resolvedBy, Milestone.AFTER_ACTION_REVIEW, ClockKind.WORKING_HOURS, resolvedAt, reviewDueBy,
                    filed ? TimerState.MET : TimerState.OPEN, filed ? "review filed" : null, openedEventId));
        }
        return List.copyOf(timers);
    }

    private void add(List<TimerSpec> timers, Assignment assignment, Milestone milestone, Instant deadline,
            String causation) {
        if (deadline == null) {
            return;
        }
        TimerState state = TimerState.OPEN;
        String why = null;
        Optional<String> met = metBy(assignment, milestone);
        if (closedAt != null) {
            state = TimerState.CANCELLED;
            why = CLOSED;
        }
        else if (assignment.assignedAt().isBefore(latestAssignedAt)) {
            state = TimerState.CANCELLED;
            why = SUPERSEDED;
        }
        else if (rejected.contains(assignment.assignmentId())) {
            state = TimerState.CANCELLED;
            why = REJECTED;
        }
        else if (met.isPresent()) {
            state = TimerState.MET;
            why = met.get();
        }
        else if (hold(assignment.assignmentId()).paused()) {
            state = TimerState.SUSPENDED;
            why = ON_HOLD;
        }
        timers.add(new TimerSpec(TimerSpec.timerId(caseId, assignment.assignmentId(), milestone), caseId,
                assignment.assignmentId(), assignment.departmentCode(), milestone, assignment.clock(),
                assignment.assignedAt(), ms(deadline), state, why, causation));
    }

    /** How the milestone was met, if it was: by the assignment itself, or by a case-level fact after it was made. */
    private Optional<String> metBy(Assignment assignment, Milestone milestone) {
        Optional<String> own = met.stream().filter(m -> m.assignmentId().equals(assignment.assignmentId())
                && m.milestone() == milestone).map(MetMilestone::how).findFirst();
        if (own.isPresent()) {
            return own;
        }
        Instant assignedAt = assignment.assignedAt();
        return switch (milestone) {
            case ACCEPTANCE, ON_SITE, HANDLING, RESOLUTION -> notBefore(resolvedAt, assignedAt)
                    ? Optional.of(RESOLVED) : Optional.empty();
            case FEEDBACK -> notBefore(feedbackAt, assignedAt) ? Optional.of("feedback delivered") : Optional.empty();
            case CALLBACK -> notBefore(callbackAt, assignedAt) ? Optional.of("callback done") : Optional.empty();
            default -> Optional.empty();
        };
    }

    private Deadlines deadlinesOf(Assignment assignment) {
        return revisions.stream().filter(r -> r.assignmentId().equals(assignment.assignmentId()))
                .filter(r -> !r.at().isBefore(assignment.assignedAt())).map(DeadlineRevision::deadlines)
                .findFirst().orElse(assignment.deadlines());
    }

    private void meet(String assignmentId, Milestone milestone, Instant at, String how) {
        if (met.stream().noneMatch(m -> m.assignmentId().equals(assignmentId) && m.milestone() == milestone)) {
            met.add(new MetMilestone(assignmentId, milestone, ms(at), how));
        }
    }

    private Optional<Assignment> assignment(String assignmentId) {
        return assignments.stream().filter(a -> a.assignmentId().equals(assignmentId)).findFirst();
    }

    private Hold hold(String assignmentId) {
        return holds.stream().filter(h -> h.assignmentId().equals(assignmentId)).findFirst()
                .orElse(new Hold(assignmentId, null, null));
    }

    /** Replaces the assignment's hold in place (an unchanged hold leaves the facts equal), or adds it. */
    private void putHold(Hold hold) {
        for (int i = 0; i < holds.size(); i++) {
            if (holds.get(i).assignmentId().equals(hold.assignmentId())) {
                holds.set(i, hold);
                return;
            }
        }
        holds.add(hold);
    }

    private static boolean notBefore(Instant fact, Instant assignedAt) {
        return fact != null && !fact.isBefore(assignedAt);
    }

    private static Instant ms(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }

    private static Instant latest(Instant current, Instant candidate) {
        return current == null || candidate.isAfter(current) ? candidate : current;
    }

    private static Instant earliest(Instant current, Instant candidate) {
        return current == null || candidate.isBefore(current) ? candidate : current;
    }

    public String caseId() {
        return caseId;
    }

    public boolean emergency() {
        return emergency;
    }

    public String category() {
        return category;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public Instant resolvedAt() {
        return resolvedAt;
    }

    public Instant reviewFiledAt() {
        return reviewFiledAt;
    }

    public String leadDepartment() {
        return assignments.stream().filter(a -> a.assignedAt().equals(latestAssignedAt))
                .filter(a -> a.role() == DepartmentRole.LEAD).map(Assignment::departmentCode).findFirst()
                .orElse(resolvedBy);
    }
}

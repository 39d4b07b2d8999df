package org.hotline.escalation.timers.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.hotline.events.escalation.EscalationReason;
import org.hotline.events.routing.Deadlines;

/**
 * The deadline timers and escalations of one case.
 * <p>
 * Events about a case come from several topics and may arrive in any order, or twice. The book therefore remembers
 * what it has learnt (accepted and rejected assignments, when the case was resolved, fed back and closed) and applies
 * it to assignments it learns about later, so that every order of arrival ends with the same timers:
 * <ul>
 * <li>an acceptance or rejection that arrives before its assignment leaves its timers cancelled;</li>
 * <li>a resolution cancels the acceptance, on-site and resolution timers of every assignment made before it,
 * including assignments that arrive later; a later assignment (a reopened case) gets fresh timers;</li>
 * <li>feedback to the caller does the same for the reply timers;</li>
 * <li>a closed case never gets timers again.</li>
 * </ul>
 */
public final class TimerBook {

    static final String ACCEPTED = "accepted";
    static final String REJECTED = "rejected";
    static final String RESOLVED = "resolved";
    static final String FEEDBACK_DELIVERED = "feedback delivered";
    static final String CLOSED = "closed";

    private List<SlaTimer> timers = new ArrayList<>();
    private List<Escalation> escalations = new ArrayList<>();
    private List<SettledAssignment> settledAssignments = new ArrayList<>();
    private Instant resolvedAt;
    private Instant feedbackDeliveredAt;
    private Instant closedAt;

    /**
     * Sets the timers of an assignment: acceptance, on-site (if the assignment has that deadline), resolution and
     * reply. What is already known about the assignment or the case settles them at once. An assignment already in
     * the book changes nothing.
     *
     * @return the timers set, pending or already settled
     */
    public List<SlaTimer> schedule(String assignmentId, String departmentCode, Instant assignedAt, Deadlines deadlines,
            String causationId) {
        if (timers.stream().anyMatch(t -> t.assignmentId().equals(assignmentId))) {
            return List.of();
        }
        List<SlaTimer> added = new ArrayList<>();
        add(added, assignmentId, departmentCode, TimerKind.ACCEPTANCE, assignedAt, deadlines.acceptBy(), causationId);
        add(added, assignmentId, departmentCode, TimerKind.ON_SITE, assignedAt, deadlines.onSiteBy(), causationId);
        add(added, assignmentId, departmentCode, TimerKind.RESOLUTION, assignedAt, deadlines.resolveBy(), causationId);
        add(added, assignmentId, departmentCode, TimerKind.REPLY, assignedAt, deadlines.replyBy(), causationId);
        timers.addAll(added);
        return List.copyOf(added);
    }

    private void add(List<SlaTimer> added, String assignmentId, String departmentCode, TimerKind kind,
            Instant assignedAt, Instant dueAt, String causationId) {
        if (dueAt == null) {
            return;
        }
        SlaTimer timer = SlaTimer.pending(assignmentId, departmentCode, kind, assignedAt, dueAt, causationId);
        added.add(alreadySettled(timer).map(settled -> timer.cancelled(settled.at(), settled.how()))
                .orElse(timer));
    }

    /** What the book learnt before the timer existed that stops it, if anything. */
    private Optional<SettledAssignment> alreadySettled(SlaTimer timer) {
        if (closedAt != null) {
            return Optional.of(new SettledAssignment(timer.assignmentId(), CLOSED, closedAt));
        }
        Optional<SettledAssignment> settled = settledAssignments.stream()
                .filter(s -> s.assignmentId().equals(timer.assignmentId()))
                .filter(s -> s.how().equals(REJECTED) || timer.kind() == TimerKind.ACCEPTANCE).findFirst();
        if (settled.isPresent()) {
            return settled;
        }
        if (timer.kind().endsWithResolution() && madeBefore(timer, resolvedAt)) {
            return Optional.of(new SettledAssignment(timer.assignmentId(), RESOLVED, resolvedAt));
        }
        if (timer.kind() == TimerKind.REPLY && madeBefore(timer, feedbackDeliveredAt)) {
            return Optional.of(new SettledAssignment(timer.assignmentId(), FEEDBACK_DELIVERED, feedbackDeliveredAt));
        }
        return Optional.empty();
    }

    /**
     * Whether the timer's assignment was made at or before the moment, to the millisecond: the precision the case
     * store keeps, so that the answer does not change once the book is saved and read again.
     */
    private static boolean madeBefore(SlaTimer timer, Instant moment) {
        return moment != null && !timer.assignedAt().truncatedTo(ChronoUnit.MILLIS)
                .isAfter(moment.truncatedTo(ChronoUnit.MILLIS));
    }

    /** The department signed for the assignment: its acceptance timer stops. */
    public void accepted(String assignmentId, Instant at) {
        remember(assignmentId, ACCEPTED, at);
        cancel(t -> t.assignmentId().equals(assignmentId) && t.kind() == TimerKind.ACCEPTANCE, at, ACCEPTED);
    }

    /** The department refused the assignment: all its timers stop; the next assignment brings its own. */
    public void rejected(String assignmentId, Instant at) {
        remember(assignmentId, REJECTED, at);
        cancel(t -> t.assignmentId().equals(assignmentId), at, REJECTED);
    }

    /** Handling finished: acceptance, on-site and resolution timers of the assignments made until then stop. */
    public void resolved(Instant at) {
        resolvedAt = latest(resolvedAt, at);
        cancel(t -> t.kind().endsWithResolution() && madeBefore(t, at), at, RESOLVED);
    }

    /** The result reached the caller: the reply timers of the assignments made until then stop. */
    public void feedbackDelivered(Instant at) {
        feedbackDeliveredAt = latest(feedbackDeliveredAt, at);
        cancel(t -> t.kind() == TimerKind.REPLY && madeBefore(t, at), at, FEEDBACK_DELIVERED);
    }

    /** The case is closed for good: every timer stops, and no new one is set. */
    public void closed(Instant at) {
        closedAt = closedAt == null ? at : closedAt;
        cancel(t -> true, at, CLOSED);
    }

    private void remember(String assignmentId, String how, Instant at) {
        if (settledAssignments.stream().noneMatch(s -> s.assignmentId().equals(assignmentId) && s.how().equals(how))) {
            settledAssignments.add(new SettledAssignment(assignmentId, how, at));
        }
    }

    private void cancel(Predicate<SlaTimer> which, Instant at, String why) {
        timers.replaceAll(t -> t.isPending() && which.test(t) ? t.cancelled(at, why) : t);
    }

    private static Instant latest(Instant current, Instant candidate) {
        return current == null || candidate.isAfter(current) ? candidate : current;
    }

    /**
     * An emergency goes straight to the command centre, once per case.
     *
     * @return the escalation, or empty if the case already went there
     */
    public Optional<Escalation> emergency(String commandCentre, Instant at, String causationId) {
        if (escalations.stream().anyMatch(Escalation::isEmergency)) {
            return Optional.empty();
        }
        Escalation escalation = new Escalation(1, EscalationReason.EMERGENCY, commandCentre, null, null, null, at,
                causationId);
        escalations.add(escalation);
        return Optional.of(escalation);
    }

    /**
     * Fires every pending timer whose deadline has passed, earliest deadline first. Each missed deadline takes the
     * case one rung further up the ladder.
     *
     * @return the escalations, in the order they happened
     */
    public List<Escalation> fireDue(Instant now, EscalationLadder ladder) {
        List<SlaTimer> due = timers.stream().filter(t -> t.isDue(now))
                .sorted(Comparator.comparing(SlaTimer::dueAt)).toList();
        List<Escalation> fired = new ArrayList<>();
        for (SlaTimer timer : due) {
            int level = nextLevel();
            Escalation escalation = new Escalation(level, timer.kind().reason(), ladder.recipient(level),
                    timer.departmentCode(), timer.assignmentId(), timer.dueAt(), now, timer.causationId());
            timers.replaceAll(t -> t == timer ? timer.fired(now) : t);
            escalations.add(escalation);
            fired.add(escalation);
        }
        return List.copyOf(fired);
    }

    /** The next rung for a missed deadline: one above the missed deadlines so far (emergencies do not count). */
    int nextLevel() {
        return (int) escalations.stream().filter(e -> !e.isEmergency()).count() + 1;
    }

    /** The earliest deadline still pending, or null if none is. */
    public Instant nextDueAt() {
        return timers.stream().filter(SlaTimer::isPending).map(SlaTimer::dueAt).min(Comparator.naturalOrder())
                .orElse(null);
    }

    /**
     * An assignment the department accepted or rejected, remembered for its timers arriving later.
     *
     * @param how {@code accepted} or {@code rejected}
     */
    record SettledAssignment(String assignmentId, String how, Instant at) {
    }

    public List<SlaTimer> timers() {
        return Collections.unmodifiableList(timers);
    }

    public List<Escalation> escalations() {
        return Collections.unmodifiableList(escalations);
    }
}

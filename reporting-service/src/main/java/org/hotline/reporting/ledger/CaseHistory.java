package org.hotline.reporting.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.hotline.events.FeedbackChannel;
import org.hotline.events.HotlineEvent;
import org.hotline.events.Milestone;
import org.hotline.events.Satisfaction;
import org.hotline.events.escalation.CaseEscalated;
import org.hotline.events.escalation.EscalationAcknowledged;
import org.hotline.events.feedback.CallbackCompleted;
import org.hotline.events.feedback.CaseClosed;
import org.hotline.events.feedback.CaseOutcome;
import org.hotline.events.feedback.CaseReopened;
import org.hotline.events.feedback.CaseResolved;
import org.hotline.events.feedback.FeedbackDelivered;
import org.hotline.events.feedback.ResolutionOutcome;
import org.hotline.events.intake.CaseOpened;
import org.hotline.events.routing.AssignedDepartment;
import org.hotline.events.routing.AssignmentReason;
import org.hotline.events.routing.AssignmentRejected;
import org.hotline.events.routing.CaseAccepted;
import org.hotline.events.routing.CaseAssigned;
import org.hotline.events.routing.CaseOnHold;
import org.hotline.events.routing.CaseProgressed;
import org.hotline.events.routing.DeadlineChange;
import org.hotline.events.routing.Deadlines;
import org.hotline.events.routing.DeadlinesChanged;
import org.hotline.events.routing.DepartmentRole;
import org.hotline.events.routing.ExtensionDecided;
import org.hotline.events.routing.ExtensionRequested;
import org.hotline.reporting.ledger.LedgerCase.Assignment;
import org.hotline.reporting.ledger.LedgerCase.Deadline;
import org.hotline.reporting.ledger.LedgerCase.Entry;
import org.hotline.reporting.ledger.LedgerCase.Escalation;

/**
 * Folds every fact known about a case into its ledger. The facts are sorted by the time they happened (then by
 * event id) before folding, so the ledger depends only on the set of facts, never on the order they arrived in.
 * Plain Java: no store, no clock.
 */
final class CaseHistory {

    /**
     * The order facts are folded in: by the time they happened; facts of the same instant (e.g. the callback and the
     * closing it caused) in the order of the case's life, as {@link org.hotline.events.EventType} lists them; then
     * by event id.
     */
    static final Comparator<HotlineEvent> FOLD_ORDER = Comparator.comparing(HotlineEvent::occurredAt)
            .thenComparing(e -> e.type().ordinal()).thenComparing(e -> e.eventId().toString());

    private final String caseId;
    private CaseOpened opened;
    private CaseStatus status;
    private boolean closed;
    private final Map<String, AssignmentState> assignments = new LinkedHashMap<>();
    private final LinkedHashSet<String> departments = new LinkedHashSet<>();
    private String lead;
    private List<String> assisting = List.of();
    private Instant resolvedAt;
    private String resolvedBy;
    private ResolutionOutcome resolution;
    private boolean onTheSpot;
    private Instant feedbackAt;
    private FeedbackChannel feedbackChannel;
    private int feedbackAttempts;
    private int callbackAttempts;
    private Instant calledBackAt;
    private Satisfaction satisfaction;
    private Integer score;
    private int reopens;
    private boolean toSupervisor;
    private int bounces;
    private final Map<String, Escalation> escalations = new LinkedHashMap<>();
    private Instant afterActionAt;
    private Instant closedAt;
    private CaseOutcome outcome;
    private Instant lastEventAt;
    private final List<Entry> timeline = new ArrayList<>();

    private CaseHistory(String caseId) {
        this.caseId = caseId;
    }

    /**
     * The ledger of a case from its facts, in any order.
     *
     * @param now the time deadlines are judged at (open or missed); null to judge only what the facts tell, so that
     *     the result is the same whenever it is computed
     */
    static LedgerCase fold(String caseId, List<? extends HotlineEvent> facts, Instant now) {
        CaseHistory history = new CaseHistory(caseId);
        facts.stream().sorted(FOLD_ORDER).forEach(history::apply);
        return history.toLedger(now);
    }

    private void apply(HotlineEvent event) {
        Instant at = event.occurredAt();
        lastEventAt = lastEventAt == null || at.isAfter(lastEventAt) ? at : lastEventAt;
        timeline.add(new Entry(event.eventId().toString(), event.type().cloudEventType(), at,
                event.envelope().source(), TimelineText.summary(event), TimelineText.department(event)));
        switch (event.type()) {
            case CASE_OPENED -> {
                CaseOpened e = (CaseOpened) event;
                opened = e;
                move(CaseStatus.OPENED);
            }
            case CASE_ASSIGNED -> assigned((CaseAssigned) event);
            case CASE_ACCEPTED -> {
                CaseAccepted e = (CaseAccepted) event;
                AssignmentState a = assignment(e.assignmentId(), e.departmentCode());
                if (a != null && a.acceptedAt == null) {
                    a.acceptedAt = at;
                    a.meet(Milestone.ACCEPTANCE, at);
                }
                if (a != null && a.role == DepartmentRole.LEAD) {
                    move(CaseStatus.ACCEPTED);
                }
            }
            case ASSIGNMENT_REJECTED -> {
                AssignmentRejected e = (AssignmentRejected) event;
                bounces++;
                AssignmentState a = assignment(e.assignmentId(), e.departmentCode());
                if (a != null) {
                    a.rejectedAt = at;
                    a.rejectionReason = e.reason();
                    a.end(at);
                    if (a.role == DepartmentRole.LEAD) {
                        move(CaseStatus.RETURNED);
                    }
                }
            }
            case CASE_PROGRESSED -> {
                CaseProgressed e = (CaseProgressed) event;
                AssignmentState a = assignment(e.assignmentId(), e.departmentCode());
                if (a != null && e.reached() != null) {
                    a.meet(e.reached(), at);
                }
                if (a != null && a.role == DepartmentRole.LEAD) {
                    a.onHold = false;
                    move(CaseStatus.IN_PROGRESS);
                }
            }
            case CASE_ON_HOLD -> {
                CaseOnHold e = (CaseOnHold) event;
                AssignmentState a = assignment(e.assignmentId(), e.departmentCode());
                if (a != null) {
                    a.onHold = true;
                    if (a.role == DepartmentRole.LEAD) {
                        move(CaseStatus.ON_HOLD);
                    }
                }
            }
            case DEADLINES_CHANGED -> {
                DeadlinesChanged e = (DeadlinesChanged) event;
                AssignmentState a = assignment(e.assignmentId(), e.departmentCode());
                if (a != null) {
                    a.setDeadlines(e.deadlines());
                    a.deadlineChanges++;
                    if (e.change() == DeadlineChange.RESUMED && a.onHold) {
                        a.onHold = false;
                        if (a.role == DepartmentRole.LEAD && status == CaseStatus.ON_HOLD) {
                            move(a.acceptedAt == null ? CaseStatus.ASSIGNED : CaseStatus.IN_PROGRESS);
                        }
                    }
                }
            }
            case EXTENSION_REQUESTED -> {
                ExtensionRequested e = (ExtensionRequested) event;
                AssignmentState a = assignment(e.assignmentId(), e.departmentCode());
                if (a != null) {
                    a.extensionsRequested++;
                }
            }
            case EXTENSION_DECIDED -> {
                ExtensionDecided e = (ExtensionDecided) event;
                AssignmentState a = assignment(e.assignmentId(), e.departmentCode());
                if (a != null && e.approved()) {
                    a.extensionsGranted++;
                }
            }
            case CASE_ESCALATED -> {
                CaseEscalated e = (CaseEscalated) event;
                String id = e.escalationId() == null ? e.eventId().toString() : e.escalationId();
                escalations.putIfAbsent(id, new Escalation(id, e.level(), e.milestone(), e.departmentCode(),
                        e.deadline(), at, null, null));
            }
            case ESCALATION_ACKNOWLEDGED -> {
                EscalationAcknowledged e = (EscalationAcknowledged) event;
                Escalation x = escalations.get(e.escalationId());
                if (x != null && x.acknowledgedAt() == null) {
                    escalations.put(e.escalationId(), new Escalation(x.escalationId(), x.level(), x.milestone(),
                            x.department(), x.deadline(), x.at(), at, e.acknowledgedBy()));
                }
            }
            case AFTER_ACTION_REVIEWED -> {
                afterActionAt = afterActionAt == null ? at : afterActionAt;
            }
            case CASE_RESOLVED -> resolved((CaseResolved) event);
            case FEEDBACK_DELIVERED -> {
                FeedbackDelivered e = (FeedbackDelivered) event;
                feedbackAt = at;
                feedbackChannel = e.channel();
                feedbackAttempts += Math.max(1, e.attempts());
                current().forEach(a -> a.meet(Milestone.FEEDBACK, at));
                if (resolvedAt != null) {
                    move(CaseStatus.FEEDBACK_DELIVERED);
                }
            }
            case CALLBACK_COMPLETED -> {
                CallbackCompleted e = (CallbackCompleted) event;
                callbackAttempts = Math.max(callbackAttempts + 1, e.attempt());
                if (e.reached()) {
                    calledBackAt = at;
                    satisfaction = e.satisfaction();
                    score = e.score();
                    current().forEach(a -> a.meet(Milestone.CALLBACK, at));
                    move(CaseStatus.CALLED_BACK);
                }
            }
            case CASE_REOPENED -> {
                CaseReopened e = (CaseReopened) event;
                reopens = Math.max(reopens + 1, e.reopenCount());
                toSupervisor |= e.toSupervisor();
                resolvedAt = null;
                resolvedBy = null;
                resolution = null;
                move(CaseStatus.REOPENED);
            }
            case CASE_CLOSED -> {
                CaseClosed e = (CaseClosed) event;
                closed = true;
                closedAt = at;
                outcome = e.outcome();
                status = CaseStatus.CLOSED;
            }
            case CALENDAR_PUBLISHED -> {
                // reference data: not a fact about a case
            }
        }
    }

    private void assigned(CaseAssigned e) {
        Instant at = e.occurredAt();
        List<AssignedDepartment> given = e.assignments() == null || e.assignments().isEmpty()
                ? List.of(new AssignedDepartment(e.assignmentId(), e.departmentCode(), DepartmentRole.LEAD))
                : e.assignments();
        // a later assignment supersedes the open ones it does not carry on
        for (AssignmentState a : assignments.values()) {
            if (a.endedAt == null && given.stream().noneMatch(g -> g.assignmentId().equals(a.assignmentId))) {
                a.end(at);
            }
        }
        for (AssignedDepartment d : given) {
            AssignmentState a = new AssignmentState(d.assignmentId(), d.departmentCode(),
                    d.role() == null ? DepartmentRole.LEAD : d.role(), e.reason(), at);
            a.setDeadlines(e.deadlines());
            assignments.remove(d.assignmentId());
            assignments.put(d.assignmentId(), a);
            departments.add(d.departmentCode());
        }
        lead = e.departmentCode();
        assisting = e.assistingDepartments();
        bounces = Math.max(bounces, e.bounceCount());
        if (e.reason() == AssignmentReason.REWORK || resolvedAt != null && at.isAfter(resolvedAt)) {
            resolvedAt = null;
            resolvedBy = null;
            resolution = null;
        }
        move(CaseStatus.ASSIGNED);
    }

    private void resolved(CaseResolved e) {
        Instant at = e.occurredAt();
        resolvedAt = at;
        resolvedBy = e.departmentCode();
        resolution = e.outcome();
        onTheSpot = e.onTheSpot();
        current().forEach(a -> a.meet(Milestone.RESOLUTION, at));
        move(CaseStatus.RESOLVED);
    }

    /** The assignments still running. */
    private List<AssignmentState> current() {
        return assignments.values().stream().filter(a -> a.endedAt == null).toList();
    }

    /** The assignment a departmental fact is about: by id, else the department's latest. */
    private AssignmentState assignment(String assignmentId, String department) {
        AssignmentState byId = assignmentId == null ? null : assignments.get(assignmentId);
        if (byId != null) {
            return byId;
        }
        AssignmentState latest = null;
        for (AssignmentState a : assignments.values()) {
            if (a.department.equals(department)) {
                latest = a;
            }
        }
        return latest;
    }

    private void move(CaseStatus next) {
        if (!closed) {
            status = next;
        }
    }

    private LedgerCase toLedger(Instant now) {
        CaseOpened o = opened;
        List<Assignment> views = assignments.values().stream().map(a -> a.view(now)).toList();
        Assignment leadView = null;
        for (Assignment a : views) {
            if (a.role() == DepartmentRole.LEAD) {
                leadView = a;
            }
        }
        CaseStatus shown = status == null ? CaseStatus.OPENED : status;
        Deadline resolveBy = leadView == null ? null : leadView.deadline(Milestone.RESOLUTION);
        boolean overdue = shown.inBacklog() && now != null && resolveBy != null && resolveBy.metAt() == null
                && now.isAfter(resolveBy.due()) && leadView.endedAt() == null;
        Duration answerTime = null;
        if (o != null && o.ringStartedAt() != null && o.answeredAt() != null) {
            answerTime = Duration.between(o.ringStartedAt(), o.answeredAt());
        }
        else if (o != null && o.arrivedAt() != null && o.receivedAt() != null) {
            answerTime = Duration.between(o.arrivedAt(), o.receivedAt());
        }
        Duration handlingTime = o != null && resolvedAt != null ? Duration.between(o.occurredAt(), resolvedAt) : null;
        return new LedgerCase(caseId, o == null ? null : o.trackingNumber(), shown, overdue,
                o == null ? null : o.channel(), o == null ? null : o.kind(), o == null ? null : o.category(),
                o == null ? null : o.subCategory(), o == null ? null : o.urgency(),
                o != null && o.caller() != null && o.caller().anonymous(), o != null && o.supervisionComplaint(),
                o == null ? null : o.operatorId(), o == null || o.location() == null ? null : o.location().area(),
                o == null ? null : o.occurredAt(), o == null ? null : o.ringStartedAt(),
                o == null ? null : o.answeredAt(), o == null ? null : o.arrivedAt(), o == null ? null : o.receivedAt(),
                answerTime, lead, assisting == null ? List.of() : assisting, List.copyOf(departments), views,
                leadView == null ? null : leadView.acceptedAt(), resolvedAt, resolvedBy, resolution,
                resolvedAt != null && onTheSpot, handlingTime, feedbackAt, feedbackChannel, feedbackAttempts,
                callbackAttempts, calledBackAt, satisfaction, score, reopens, toSupervisor, bounces,
                List.copyOf(escalations.values()), afterActionAt, closedAt, outcome, lastEventAt,
                List.copyOf(timeline));
    }


    /** One assignment while folding. */
    private static final class AssignmentState {

        final String assignmentId;
        final String department;
        final DepartmentRole role;
        final AssignmentReason reason;
        final Instant assignedAt;
        Instant acceptedAt;
        Instant rejectedAt;
        String rejectionReason;
        Instant endedAt;
        boolean onHold;
        final Map<Milestone, Instant> due = new LinkedHashMap<>();
        final Map<Milestone, Instant> met = new LinkedHashMap<>();
        int deadlineChanges;
        int extensionsRequested;
        int extensionsGranted;

        AssignmentState(String assignmentId, String department, DepartmentRole role, AssignmentReason reason,
                Instant assignedAt) {
            this.assignmentId = assignmentId;
            this.department = department;
            this.role = role;
            this.reason = reason;
            this.assignedAt = assignedAt;
        }

        void setDeadlines(Deadlines d) {
            due.clear();
            if (d == null) {
                return;
            }
            put(Milestone.ACCEPTANCE, d.acceptBy());
            put(Milestone.ON_SITE, d.onSiteBy());
            put(Milestone.HANDLING, d.handleBy());
            put(Milestone.RESOLUTION, d.resolveBy());
            put(Milestone.FEEDBACK, d.replyBy());
            put(Milestone.CALLBACK, d.callbackBy());
        }

        private void put(Milestone milestone, Instant instant) {
            if (instant != null) {
                due.put(milestone, instant);
            }
        }

        void meet(Milestone milestone, Instant at) {
            if (endedAt == null) {
                met.putIfAbsent(milestone, at);
            }
        }

        void end(Instant at) {
            if (endedAt == null) {
                endedAt = at;
            }
        }

        Assignment view(Instant now) {
            List<Deadline> deadlines = due.entrySet().stream().map(d -> {
                Instant metAt = met.get(d.getKey());
                DeadlineState state;
                if (metAt != null) {
                    state = metAt.isAfter(d.getValue()) ? DeadlineState.MISSED : DeadlineState.MET;
                }
                else if (endedAt != null) {
                    state = DeadlineState.CANCELLED;
                }
                else if (now != null && now.isAfter(d.getValue())) {
                    state = DeadlineState.MISSED;
                }
                else {
                    state = DeadlineState.OPEN;
                }
                return new Deadline(d.getKey(), d.getValue(), metAt, state);
            }).toList();
            return new Assignment(assignmentId, department, role, reason, assignedAt, acceptedAt, rejectedAt,
                    rejectionReason, endedAt, onHold, deadlines, deadlineChanges, extensionsRequested,
                    extensionsGranted);
        }
    }
}

package org.hotline.routing.assignment;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.hotline.events.Milestone;
import org.hotline.events.feedback.CaseClosed;
import org.hotline.events.feedback.CaseReopened;
import org.hotline.events.feedback.CaseResolved;
import org.hotline.events.intake.CaseOpened;
import org.hotline.events.routing.AssignmentReason;
import org.hotline.routing.calendar.DeadlinePolicy;
import org.hotline.routing.calendar.Terms;
import org.hotline.routing.config.RoutingProperties;
import org.hotline.routing.deadlines.Calendars;
import org.hotline.routing.departments.Departments;
import org.hotline.routing.rules.RoutingRules;
import org.hotline.routing.rules.RuleTable;
import org.hotline.support.outbox.RetryOnConflict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;

/**
 * Routes new cases by the rule table, and carries out what departments, dispatchers and supervisors do with them.
 * Each change loads the case, applies the change and saves it (with its events in the same document); when the case
 * changed meanwhile, the change is applied again to the fresh case.
 */
@Service
class RoutingService {

    private static final Logger log = LoggerFactory.getLogger(RoutingService.class);

    private final RoutedCaseRepository cases;
    private final RuleTable rules;
    private final Calendars calendars;
    private final DeadlinePolicy policy;
    private final RoutingProperties properties;
    private final Departments departments;
    private final Clock clock;

    RoutingService(RoutedCaseRepository cases, RuleTable rules, Calendars calendars, DeadlinePolicy policy,
            RoutingProperties properties, Departments departments, Clock clock) {
        this.cases = cases;
        this.departments = departments;
        this.rules = rules;
        this.calendars = calendars;
        this.policy = policy;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Routes a new case. The opening is most often the first event heard of a case: the case is then created in one
     * write, without reading first. When the store knows the case already (an event that came first, or this one
     * delivered again), the opening is applied to the stored case instead.
     */
    @RetryOnConflict
    void opened(CaseOpened opened) {
        RoutedCase created = RoutedCase.heardOf(opened.caseId());
        openIfNew(created, opened);
        try {
            cases.insert(created);
            log.info("CaseOpened {} of case {}: {}", opened.eventId(), opened.caseId(), whereItStands(created));
            return;
        }
        catch (DuplicateKeyException known) {
            // heard of before: the opening applies to the stored case
        }
        RoutedCase routed = cases.findById(opened.caseId()).orElseGet(() -> RoutedCase.heardOf(opened.caseId()));
        if (openIfNew(routed, opened)) {
            cases.save(routed);
            log.info("CaseOpened {} of case {}: {}", opened.eventId(), opened.caseId(), whereItStands(routed));
        }
    }

    /** Applies the opening unless the case has handled it or another opening already; returns whether it did. */
    private boolean openIfNew(RoutedCase routed, CaseOpened opened) {
        if (!routed.firstDelivery(opened.eventId()) || routed.isOpened()) {
            return false;
        }
        routed.open(opened);
        String cause = opened.eventId().toString();
        if (routed.getClosedAt() != null) {
            routed.recordClosed(routed.getClosedAt());
        }
        else if (routed.isResolvedLast()) {
            routed.markResolved(now());
        }
        else if (routed.reworkDue()) {
            rework(routed, cause);
        }
        else {
            route(routed, AssignmentReason.RULE, cause);
        }
        return true;
    }

    @RetryOnConflict
    void resolved(CaseResolved resolved) {
        RoutedCase routed = cases.findById(resolved.caseId()).orElseGet(() -> RoutedCase.heardOf(resolved.caseId()));
        if (!routed.firstDelivery(resolved.eventId())) {
            return;
        }
        if (routed.recordResolved(resolved.occurredAt()) && routed.isOpened()) {
            routed.markResolved(now());
        }
        cases.save(routed);
    }

    /** An unsatisfied caller: rework by the department that handled it, or a supervisor past the reopen limit. */
    @RetryOnConflict
    void reopened(CaseReopened reopened) {
        RoutedCase routed = cases.findById(reopened.caseId()).orElseGet(() -> RoutedCase.heardOf(reopened.caseId()));
        if (!routed.firstDelivery(reopened.eventId())) {
            return;
        }
        boolean rework = routed.recordReopened(reopened);
        if (rework) {
            rework(routed, reopened.eventId().toString());
        }
        cases.save(routed);
        if (rework) {
            log.info("CaseReopened {} of case {}: {}", reopened.eventId(), reopened.caseId(),
                    whereItStands(routed));
        }
    }

    @RetryOnConflict
    void closed(CaseClosed closed) {
        RoutedCase routed = cases.findById(closed.caseId()).orElseGet(() -> RoutedCase.heardOf(closed.caseId()));
        if (!routed.firstDelivery(closed.eventId())) {
            return;
        }
        routed.recordClosed(closed.occurredAt());
        cases.save(routed);
    }

    @RetryOnConflict
    RoutedCase accept(String assignmentId, String handlerId) {
        RoutedCase routed = byAssignment(assignmentId);
        routed.accept(assignmentId, handlerId, now());
        return cases.save(routed);
    }

    /**
     * 退單: the department refuses with a reason. The lead's refusal is a bounce: the next matching rule whose
     * department has not refused the case yet takes it; without one the dispatcher does; after the configured
     * number of bounces a supervisor does.
     */
    @RetryOnConflict
    RoutedCase reject(String assignmentId, String reason) {
        RoutedCase routed = byAssignment(assignmentId);
        if (routed.reject(assignmentId, reason, now())) {
            if (routed.getBounceCount() >= properties.maxBounces()) {
                routed.toSupervisor("Bounced " + routed.getBounceCount() + " times; last: " + reason);
            }
            else {
                route(routed, AssignmentReason.BOUNCE, assignmentId);
            }
        }
        RoutedCase saved = cases.save(routed);
        log.info("Assignment {} rejected; case {} bounced {} times, {}", assignmentId, routed.getId(),
                routed.getBounceCount(), whereItStands(routed));
        return saved;
    }

    @RetryOnConflict
    RoutedCase progress(String assignmentId, String note, Milestone reached) {
        RoutedCase routed = byAssignment(assignmentId);
        routed.progress(assignmentId, note, reached, now());
        return cases.save(routed);
    }

    @RetryOnConflict
    RoutedCase hold(String assignmentId, String reason) {
        RoutedCase routed = byAssignment(assignmentId);
        routed.hold(assignmentId, reason, now());
        return cases.save(routed);
    }

    @RetryOnConflict
    RoutedCase resume(String assignmentId, String note) {
        RoutedCase routed = byAssignment(assignmentId);
        Calendars.InForce calendar = calendars.current(routed.getCalendarVersion());
        routed.resume(assignmentId, note, calendar.calendar(), calendar.version(), now());
        return cases.save(routed);
    }

    @RetryOnConflict
    RoutedCase requestExtension(String assignmentId, String reason, Instant requestedResolveBy) {
        RoutedCase routed = byAssignment(assignmentId);
        routed.requestExtension(assignmentId, reason, requestedResolveBy, now());
        return cases.save(routed);
    }

    @RetryOnConflict
    RoutedCase decideExtension(String assignmentId, boolean approved, String supervisorId, String note) {
        RoutedCase routed = byAssignment(assignmentId);
        Calendars.InForce calendar = calendars.current(routed.getCalendarVersion());
        routed.decideExtension(assignmentId, approved, supervisorId, note, calendar.calendar(), calendar.version(),
                now());
        return cases.save(routed);
    }

    /** A supervisor moves the case to other departments, with fresh clocks for them. */
    @RetryOnConflict
    RoutedCase transfer(String assignmentId, String departmentCode, List<String> assisting, String supervisorId) {
        requireDepartments(departmentCode, assisting);
        RoutedCase routed = byAssignment(assignmentId);
        routed.transferFrom(assignmentId, now());
        assign(routed, departmentCode, assisting, "transfer:" + supervisorId, rules.current().version(),
                AssignmentReason.TRANSFER, "transfer:" + supervisorId);
        return cases.save(routed);
    }

    /** An operator (dispatch queue) or a supervisor (supervisor queue) assigns a waiting case by hand. */
    @RetryOnConflict
    RoutedCase dispatch(String caseId, String departmentCode, List<String> assisting, String operatorId) {
        requireDepartments(departmentCode, assisting);
        RoutedCase routed = cases.findById(caseId).filter(RoutedCase::isOpened)
                .orElseThrow(() -> new NotFoundException("No case " + caseId));
        if (routed.getStatus() != RoutedCase.RoutingStatus.AWAITING_DISPATCH
                && routed.getStatus() != RoutedCase.RoutingStatus.SUPERVISOR_QUEUE) {
            throw new AssignmentStateException("Case " + caseId + " is " + routed.getStatus()
                    + ", not waiting for dispatch");
        }
        assign(routed, departmentCode, assisting, "manual:" + operatorId, rules.current().version(),
                AssignmentReason.MANUAL, "dispatch:" + operatorId);
        return cases.save(routed);
    }

    /** Recomputes the open deadlines of every case still on an older calendar version. */
    int recomputeOpenDeadlines() {
        Calendars.InForce calendar = calendars.current();
        int changed = 0;
        for (String caseId : cases.findIdsOnOlderCalendar(calendar.version())) {
            changed += recompute(caseId, calendar);
        }
        if (changed > 0) {
            log.info("Open deadlines of {} cases recomputed on calendar version {}", changed, calendar.version());
        }
        return changed;
    }

    @RetryOnConflict
    int recompute(String caseId, Calendars.InForce calendar) {
        Optional<RoutedCase> found = cases.findById(caseId);
        if (found.isEmpty() || found.get().getCalendarVersion() >= calendar.version()) {
            return 0;
        }
        RoutedCase routed = found.get();
        routed.recompute(calendar.calendar(), calendar.version(), now(), "calendar:" + calendar.version());
        cases.save(routed);
        return 1;
    }

    Optional<RoutedCase> find(String caseId) {
        return cases.findById(caseId).filter(RoutedCase::isOpened);
    }

    RoutedCase byAssignment(String assignmentId) {
        return cases.findByAssignmentsId(assignmentId)
                .orElseThrow(() -> new NotFoundException("No assignment " + assignmentId));
    }

    List<RoutedCase> queue(RoutedCase.RoutingStatus status) {
        return cases.findByStatusOrderByOpenedAtAsc(status);
    }

    List<RoutedCase> pendingExtensions() {
        return cases.findWithPendingExtension();
    }

    /** A department's assignments, optionally by status and overdue, soonest deadline first. */
    Page<DepartmentAssignment> worklist(String departmentCode, Assignment.Status status, Boolean overdue,
            Pageable page) {
        Instant now = now();
        List<DepartmentAssignment> all = cases.findByAssignmentsDepartmentCode(departmentCode).stream()
                .flatMap(routed -> routed.getAssignments().stream()
                        .filter(a -> a.getDepartmentCode().equals(departmentCode))
                        .map(a -> new DepartmentAssignment(routed, a)))
                .filter(da -> status == null || da.assignment().getStatus() == status)
                .filter(da -> overdue == null || da.assignment().overdue(now) == overdue)
                .sorted(Comparator.comparing((DepartmentAssignment da) -> da.assignment().nextDeadline(),
                        Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        int from = (int) Math.min(page.getOffset(), all.size());
        int to = Math.min(from + page.getPageSize(), all.size());
        return new PageImpl<>(all.subList(from, to), page, all.size());
    }

    record DepartmentAssignment(RoutedCase routed, Assignment assignment) {
    }

    /** Now, to the millisecond MongoDB keeps, so that recomputing from stored facts gives the same instants. */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private void requireDepartments(String lead, List<String> assisting) {
        if (!departments.exists(lead)) {
            throw new InvalidRequestException("departmentCode", "unknown department '" + lead + "'");
        }
        for (String code : assisting == null ? List.<String>of() : assisting) {
            if (!departments.exists(code)) {
                throw new InvalidRequestException("assistingDepartments", "unknown department '" + code + "'");
            }
        }
    }

    private void route(RoutedCase routed, AssignmentReason reason, String cause) {
        RoutingRules table = rules.current();
        Optional<RoutingRules.Decision> decision = table.candidates(routed.getFacts()).stream()
                .filter(d -> !routed.getRejectedDepartments().contains(d.leadDepartment())).findFirst();
        if (decision.isPresent()) {
            RoutingRules.Decision d = decision.get();
            assign(routed, d.leadDepartment(), d.assistingDepartments(), d.ruleId(), table.version(), reason, cause);
        }
        else {
            routed.awaitDispatch(reason == AssignmentReason.BOUNCE ? "Rejected; no other rule matches"
                    : "No routing rule matches");
        }
    }

    private void rework(RoutedCase routed, String cause) {
        routed.startRework(now());
        Optional<String> department = routed.reworkDepartment();
        if (routed.isReopenToSupervisor()) {
            routed.toSupervisor("Reopened past the limit: " + routed.getReopenReason());
        }
        else if (department.isEmpty()) {
            routed.awaitDispatch("Reopened: " + routed.getReopenReason());
        }
        else {
            List<String> assisting = routed.lead().map(lead -> routed.assistantsOf(lead.getId())
                    .map(Assignment::getDepartmentCode).toList()).orElse(List.of());
            assign(routed, department.get(), assisting, "reopen", rules.current().version(),
                    AssignmentReason.REWORK, cause);
        }
    }

    private void assign(RoutedCase routed, String lead, List<String> assisting, String ruleId, int ruleVersion,
            AssignmentReason reason, String cause) {
        Calendars.InForce calendar = calendars.current(routed.getCalendarVersion());
        Terms terms = policy.termsFor(routed.getFacts().kind(), routed.getUrgency(), routed.getFacts().category(),
                routed.getFacts().subCategory());
        routed.assign(lead, assisting == null ? List.of() : assisting, ruleId, ruleVersion, reason, terms,
                calendar.calendar(), calendar.version(), now(), cause);
    }

    /** Where the case stands after a change, for the log line of the event or action (never caller data). */
    private static String whereItStands(RoutedCase routed) {
        RoutedCase.RoutingStatus status = routed.getStatus();
        if (status == RoutedCase.RoutingStatus.ASSIGNED) {
            return routed.lead().map(lead -> "assigned to " + lead.getDepartmentCode() + " by " + lead.getRuleId()
                    + " v" + lead.getRuleVersion()).orElse("assigned");
        }
        if (status == RoutedCase.RoutingStatus.AWAITING_DISPATCH) {
            return "waits in the dispatch queue";
        }
        return status == RoutedCase.RoutingStatus.SUPERVISOR_QUEUE ? "waits in the supervisor queue"
                : String.valueOf(status);
    }
}

package org.hotline.routing.assignment;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.hotline.events.feedback.CaseReopened;
import org.hotline.events.feedback.CaseResolved;
import org.hotline.events.intake.CaseOpened;
import org.hotline.events.routing.Deadlines;
import org.hotline.routing.calendar.DeadlinePolicy;
import org.hotline.routing.calendar.WorkingCalendar;
import org.hotline.routing.rules.RoutingRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.hotline.support.outbox.RetryOnConflict;
import org.springframework.stereotype.Service;

/**
 * Routes new cases by the rule table, and carries out what departments and dispatchers do with them. Each change
 * loads the case, applies the change and saves it; when the case changed meanwhile (another event, another
 * instance, the outbox relay), the change is applied again to the fresh case.
 */
@Service
class RoutingService {

    private static final Logger log = LoggerFactory.getLogger(RoutingService.class);

    private final RoutedCaseRepository cases;
    private final RoutingRules rules = RoutingRules.defaults();
    private final WorkingCalendar calendar = WorkingCalendar.standard();
    private final DeadlinePolicy policy = new DeadlinePolicy();
    private final Clock clock;

    RoutingService(RoutedCaseRepository cases, Clock clock) {
        this.cases = cases;
        this.clock = clock;
    }

    @RetryOnConflict
    void route(CaseOpened opened) {
        RoutedCase routed = cases.findById(opened.caseId()).orElseGet(() -> RoutedCase.of(opened));
        if (!routed.firstDelivery(opened.eventId())) {
            return;
        }
        Instant now = clock.instant();
        Optional<RoutingRules.Decision> decision = rules.decide(opened);
        if (decision.isPresent()) {
            RoutingRules.Decision d = decision.get();
            routed.assign(d.leadDepartment(), d.assistingDepartments(), d.ruleId(), rules.version(),
                    deadlines(routed, now), now, opened.eventId().toString());
            log.info("Case {} assigned to {} by rule {}", opened.caseId(), d.leadDepartment(), d.ruleId());
        }
        else {
            routed.awaitDispatch("No routing rule matches");
            log.info("Case {} waits in the dispatch queue: no rule matches", opened.caseId());
        }
        cases.save(routed);
    }

    @RetryOnConflict
    void resolved(CaseResolved resolved) {
        cases.findById(resolved.caseId()).ifPresent(routed -> {
            if (routed.firstDelivery(resolved.eventId())) {
                routed.markResolved();
                cases.save(routed);
            }
        });
    }

    /** An unsatisfied caller: the case goes back to the department that handled it, with fresh clocks. */
    @RetryOnConflict
    void reopen(CaseReopened reopened) {
        cases.findById(reopened.caseId()).ifPresent(routed -> {
            if (!routed.firstDelivery(reopened.eventId())) {
                return;
            }
            Instant now = clock.instant();
            String department = reopened.departmentCode() != null ? reopened.departmentCode()
                    : routed.current().map(Assignment::departmentCode).orElse(null);
            if (department == null) {
                routed.awaitDispatch("Reopened: " + reopened.reason());
            }
            else {
                routed.assign(department, routed.current().map(Assignment::assistingDepartments).orElse(List.of()),
                        "reopen", rules.version(), deadlines(routed, now), now, reopened.eventId().toString());
            }
            log.info("Case {} reopened, back to {}", reopened.caseId(), department == null ? "dispatch" : department);
            cases.save(routed);
        });
    }

    @RetryOnConflict
    RoutedCase accept(String assignmentId, String handlerId) {
        RoutedCase routed = byAssignment(assignmentId);
        routed.accept(assignmentId, handlerId, clock.instant());
        return cases.save(routed);
    }

    @RetryOnConflict
    RoutedCase reject(String assignmentId, String reason) {
        RoutedCase routed = byAssignment(assignmentId);
        routed.reject(assignmentId, reason, clock.instant());
        return cases.save(routed);
    }

    @RetryOnConflict
    RoutedCase progress(String assignmentId, String note) {
        RoutedCase routed = byAssignment(assignmentId);
        routed.progress(assignmentId, note, clock.instant());
        return cases.save(routed);
    }

    @RetryOnConflict
    RoutedCase dispatch(String caseId, String departmentCode, List<String> assisting, String operatorId) {
        RoutedCase routed = cases.findById(caseId).orElseThrow(() -> new NotFoundException("No case " + caseId));
        if (routed.getStatus() != RoutedCase.RoutingStatus.AWAITING_DISPATCH) {
            throw new AssignmentStateException("Case " + caseId + " is " + routed.getStatus()
                    + ", not waiting for dispatch");
        }
        Instant now = clock.instant();
        routed.assign(departmentCode, assisting == null ? List.of() : assisting, "manual:" + operatorId,
                rules.version(), deadlines(routed, now), now, "dispatch:" + operatorId);
        return cases.save(routed);
    }

    Optional<RoutedCase> find(String caseId) {
        return cases.findById(caseId);
    }

    List<RoutedCase> dispatchQueue() {
        return cases.findByStatusOrderByOpenedAtAsc(RoutedCase.RoutingStatus.AWAITING_DISPATCH);
    }

    List<RoutedCase> forDepartment(String departmentCode) {
        return cases.findByAssignmentsDepartmentCodeOrderByOpenedAtDesc(departmentCode);
    }

    private Deadlines deadlines(RoutedCase routed, Instant now) {
        return policy.deadlines(routed.getKind(), routed.getUrgency(), now, routed.getOpenedAt(), calendar);
    }

    private RoutedCase byAssignment(String assignmentId) {
        return cases.findByAssignmentsId(assignmentId)
                .orElseThrow(() -> new NotFoundException("No assignment " + assignmentId));
    }
}

package org.hotline.routing.assignment;

import java.time.Instant;
import java.util.List;

import org.hotline.events.Milestone;
import org.hotline.events.routing.AssignmentReason;
import org.hotline.events.routing.Deadlines;
import org.hotline.events.routing.DepartmentRole;
import org.hotline.support.security.HotlineUser;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What departments, dispatchers and supervisors do with assignments. */
@RestController
class AssignmentController {

    private final RoutingService routing;

    AssignmentController(RoutingService routing) {
        this.routing = routing;
    }

    record ProgressView(Instant at, String note, Milestone reached) {
    }

    record ExtensionView(Instant requestedAt, String reason, Instant requestedResolveBy) {
    }

    /** An assistant's share as the lead department sees it. */
    record TeamMember(String assignmentId, String departmentCode, String status, Instant acceptedAt,
            List<ProgressView> progress) {
    }

    record AssignmentView(String assignmentId, String caseId, String trackingNumber, String departmentCode,
            DepartmentRole role, String leadAssignmentId, List<String> assistingDepartments, String status,
            AssignmentReason reason, String ruleId, int ruleVersion, int calendarVersion, Instant assignedAt,
            Deadlines deadlines, boolean overdue, String handlerId, String rejectionReason, Instant onHoldSince,
            String holdReason, ExtensionView pendingExtension, int bounceCount, List<ProgressView> progress,
            List<TeamMember> assistants) {

        static AssignmentView of(RoutedCase routed, Assignment a, Instant now) {
            List<Assignment> team = a.getRole() == DepartmentRole.LEAD ? routed.assistantsOf(a.getId()).toList()
                    : List.of();
            Assignment.ExtensionRequest ext = a.getPendingExtension();
            return new AssignmentView(a.getId(), routed.getId(), routed.getTrackingNumber(), a.getDepartmentCode(),
                    a.getRole(), a.getLeadAssignmentId(), team.stream().map(Assignment::getDepartmentCode).toList(),
                    a.getStatus().name(), a.getReason(), a.getRuleId(), a.getRuleVersion(), a.getCalendarVersion(),
                    a.getAssignedAt(), a.getDeadlines(), a.overdue(now), a.getHandlerId(), a.getRejectionReason(),
                    a.getHoldSince(), a.getHoldReason(),
                    ext == null ? null : new ExtensionView(ext.at(), ext.reason(), ext.requestedResolveBy()),
                    routed.getBounceCount(), progress(a),
                    team.stream().map(m -> new TeamMember(m.getId(), m.getDepartmentCode(), m.getStatus().name(),
                            m.getAcceptedAt(), progress(m))).toList());
        }

        private static List<ProgressView> progress(Assignment a) {
            return a.getProgress().stream().map(p -> new ProgressView(p.at(), p.note(), p.reached())).toList();
        }
    }

    record QueuedCase(String caseId, String trackingNumber, String kind, String urgency, String category,
            Instant openedAt, String reason, int bounceCount, List<String> rejectedBy) {

        static QueuedCase of(RoutedCase r) {
            return new QueuedCase(r.getId(), r.getTrackingNumber(), String.valueOf(r.getFacts().kind()),
                    String.valueOf(r.getUrgency()), r.getFacts().category(), r.getOpenedAt(), r.getQueueReason(),
                    r.getBounceCount(), r.getRejectedDepartments());
        }
    }

    record WorklistPage(List<AssignmentView> content, int page, int size, long totalElements, int totalPages) {
    }

    record Accept(@NotBlank @Size(max = 64) String handlerId) {
    }

    record Reject(@NotBlank @Size(max = 2000) String reason) {
    }

    record Progress(@NotBlank @Size(max = 4000) String note, Milestone reached) {
    }

    record Hold(@NotBlank @Size(max = 2000) String reason) {
    }

    record Resume(@Size(max = 2000) String note) {
    }

    record ExtensionRequest(@NotBlank @Size(max = 2000) String reason, @NotNull Instant requestedResolveBy) {
    }

    record ExtensionDecision(@NotNull Boolean approved, @Size(max = 64) String supervisorId,
            @Size(max = 2000) String note) {
    }

    record Transfer(@NotBlank @Size(max = 64) String departmentCode,
            List<@NotBlank @Size(max = 64) String> assistingDepartments,
            @Size(max = 64) String supervisorId) {
    }

    record Dispatch(@NotBlank @Size(max = 64) String departmentCode,
            List<@NotBlank @Size(max = 64) String> assistingDepartments, @Size(max = 64) String operatorId) {
    }

    @Operation(summary = "Assignments of a case, or of a department")
    @GetMapping("/api/assignments")
    List<AssignmentView> list(@RequestParam(required = false) String caseId,
            @RequestParam(required = false) String department) {
        Instant now = routing.now();
        HotlineUser user = HotlineUser.current();
        if (caseId != null) {
            // department staff see only their own department's share of a case
            return routing.find(caseId).stream().flatMap(routed -> routed.getAssignments().stream()
                    .filter(a -> user.maySee(a.getDepartmentCode()))
                    .map(a -> AssignmentView.of(routed, a, now))).toList();
        }
        if (department != null) {
            requireVisible(department, "No department " + department);
            return routing.worklist(department, null, null, PageRequest.of(0, 1000)).stream()
                    .map(da -> AssignmentView.of(da.routed(), da.assignment(), now)).toList();
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Give caseId or department");
        problem.setProperty("errors", List.of(java.util.Map.of("field", "caseId", "message",
                "give caseId or department")));
        throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }

    @Operation(summary = "One assignment; the lead's shows its assistants' status and progress")
    @GetMapping("/api/assignments/{assignmentId}")
    AssignmentView one(@PathVariable String assignmentId) {
        RoutedCase routed = routing.byAssignment(assignmentId);
        requireVisible(departmentOf(routed, assignmentId), "No assignment " + assignmentId);
        return view(routed, assignmentId);
    }

    @Operation(summary = "A department's worklist (paged, soonest deadline first): the acceptance deadline while "
            + "pending, the resolution deadline after")
    @GetMapping("/api/departments/{code}/assignments")
    WorklistPage worklist(@PathVariable String code, @RequestParam(required = false) Assignment.Status status,
            @RequestParam(required = false) Boolean overdue, @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        requireVisible(code, "No department " + code);
        Instant now = routing.now();
        Page<RoutingService.DepartmentAssignment> found = routing.worklist(code, status, overdue,
                PageRequest.of(page, size));
        return new WorklistPage(found.getContent().stream()
                .map(da -> AssignmentView.of(da.routed(), da.assignment(), now)).toList(), page, size,
                found.getTotalElements(), found.getTotalPages());
    }

    @Operation(summary = "The department signs for the case (簽收)")
    @PostMapping("/api/assignments/{assignmentId}/accept")
    AssignmentView accept(@PathVariable String assignmentId, @Valid @RequestBody Accept body) {
        requireActingFor(assignmentId);
        return view(routing.accept(assignmentId, body.handlerId()), assignmentId);
    }

    @Operation(summary = "The department refuses the case with its reason (退單); the lead's refusal re-routes the "
            + "case to the next matching rule, the dispatcher, or after too many bounces a supervisor")
    @PostMapping("/api/assignments/{assignmentId}/reject")
    AssignmentView reject(@PathVariable String assignmentId, @Valid @RequestBody Reject body) {
        requireActingFor(assignmentId);
        return view(routing.reject(assignmentId, body.reason()), assignmentId);
    }

    @Operation(summary = "The department reports progress, optionally meeting a milestone (ON_SITE or HANDLING)")
    @PostMapping("/api/assignments/{assignmentId}/progress")
    AssignmentView progress(@PathVariable String assignmentId, @Valid @RequestBody Progress body) {
        if (body.reached() != null && body.reached() != Milestone.ON_SITE && body.reached() != Milestone.HANDLING) {
            throw new InvalidRequestException("reached", "a progress report meets ON_SITE or HANDLING only");
        }
        requireActingFor(assignmentId);
        return view(routing.progress(assignmentId, body.note(), body.reached()), assignmentId);
    }

    @Operation(summary = "The case waits on the caller: the department's clock stops")
    @PostMapping("/api/assignments/{assignmentId}/hold")
    AssignmentView hold(@PathVariable String assignmentId, @Valid @RequestBody Hold body) {
        requireActingFor(assignmentId);
        return view(routing.hold(assignmentId, body.reason()), assignmentId);
    }

    @Operation(summary = "The caller answered: the clock runs again, deadlines pushed back by the paused working time")
    @PostMapping("/api/assignments/{assignmentId}/resume")
    AssignmentView resume(@PathVariable String assignmentId, @Valid @RequestBody(required = false) Resume body) {
        requireActingFor(assignmentId);
        return view(routing.resume(assignmentId, body == null ? null : body.note()), assignmentId);
    }

    @Operation(summary = "The department asks for more time (延期申請); a supervisor decides")
    @PostMapping("/api/assignments/{assignmentId}/extension")
    AssignmentView requestExtension(@PathVariable String assignmentId, @Valid @RequestBody ExtensionRequest body) {
        requireActingFor(assignmentId);
        return view(routing.requestExtension(assignmentId, body.reason(), body.requestedResolveBy()), assignmentId);
    }

    @Operation(summary = "A supervisor grants or refuses the pending extension request")
    @PostMapping("/api/assignments/{assignmentId}/extension/decision")
    AssignmentView decideExtension(@PathVariable String assignmentId, @Valid @RequestBody ExtensionDecision body) {
        return view(routing.decideExtension(assignmentId, body.approved(), HotlineUser.subjectOr(body.supervisorId()),
                body.note()),
                assignmentId);
    }

    @Operation(summary = "A supervisor moves the case from this lead assignment to other departments")
    @PostMapping("/api/assignments/{assignmentId}/transfer")
    AssignmentView transfer(@PathVariable String assignmentId, @Valid @RequestBody Transfer body) {
        RoutedCase routed = routing.transfer(assignmentId, body.departmentCode(), body.assistingDepartments(),
                HotlineUser.subjectOr(body.supervisorId()));
        return AssignmentView.of(routed, routed.lead().orElseThrow(), routing.now());
    }

    @Operation(summary = "Cases waiting for an operator to assign them by hand")
    @GetMapping("/api/dispatch/queue")
    List<QueuedCase> queue() {
        return routing.queue(RoutedCase.RoutingStatus.AWAITING_DISPATCH).stream().map(QueuedCase::of).toList();
    }

    @Operation(summary = "An operator (or a supervisor) assigns a waiting case by hand")
    @PostMapping("/api/dispatch/{caseId}/assign")
    AssignmentView dispatch(@PathVariable String caseId, @Valid @RequestBody Dispatch body) {
        RoutedCase routed = routing.dispatch(caseId, body.departmentCode(), body.assistingDepartments(),
                HotlineUser.subjectOr(body.operatorId()));
        return AssignmentView.of(routed, routed.lead().orElseThrow(), routing.now());
    }

    @Operation(summary = "Cases a supervisor decides: bounced too often, or reopened past the limit; assign them "
            + "with POST /api/dispatch/{caseId}/assign")
    @GetMapping("/api/supervisor/queue")
    List<QueuedCase> supervisorQueue() {
        return routing.queue(RoutedCase.RoutingStatus.SUPERVISOR_QUEUE).stream().map(QueuedCase::of).toList();
    }

    @Operation(summary = "Extension requests waiting for a supervisor")
    @GetMapping("/api/supervisor/extensions")
    List<AssignmentView> pendingExtensions() {
        Instant now = routing.now();
        return routing.pendingExtensions().stream().flatMap(routed -> routed.getAssignments().stream()
                .filter(a -> a.getPendingExtension() != null).map(a -> AssignmentView.of(routed, a, now))).toList();
    }

    /** Department staff act only on their own department's assignments; for any other the answer is 404. */
    private void requireActingFor(String assignmentId) {
        if (!HotlineUser.current().mayActFor(departmentOf(routing.byAssignment(assignmentId), assignmentId))) {
            throw new NotFoundException("No assignment " + assignmentId);
        }
    }

    /** Department staff see only their own department; for any other the answer is 404. */
    private static void requireVisible(String departmentCode, String notFound) {
        if (!HotlineUser.current().maySee(departmentCode)) {
            throw new NotFoundException(notFound);
        }
    }

    private static String departmentOf(RoutedCase routed, String assignmentId) {
        return routed.assignment(assignmentId).map(Assignment::getDepartmentCode)
                .orElseThrow(() -> new NotFoundException("No assignment " + assignmentId));
    }

    private AssignmentView view(RoutedCase routed, String assignmentId) {
        return routed.assignment(assignmentId).map(a -> AssignmentView.of(routed, a, routing.now())).orElseThrow();
    }
}

package org.hotline.routing.assignment;

import java.time.Instant;
import java.util.List;

import org.hotline.events.routing.Deadlines;
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
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What departments and dispatchers do with assignments. */
@RestController
class AssignmentController {

    private final RoutingService routing;

    AssignmentController(RoutingService routing) {
        this.routing = routing;
    }

    record AssignmentView(String assignmentId, String caseId, String trackingNumber, String departmentCode,
            List<String> assistingDepartments, String status, String ruleId, int ruleVersion, Instant assignedAt,
            Deadlines deadlines, String handlerId, String rejectionReason) {

        static AssignmentView of(RoutedCase routed, Assignment a) {
            return new AssignmentView(a.id(), routed.getId(), routed.getTrackingNumber(), a.departmentCode(),
                    a.assistingDepartments(), a.status().name(), a.ruleId(), a.ruleVersion(), a.assignedAt(),
                    a.deadlines(), a.handlerId(), a.rejectionReason());
        }
    }

    record QueuedCase(String caseId, String trackingNumber, String kind, String urgency, String category,
            Instant openedAt, String reason, int bounceCount) {
    }

    record Accept(@NotBlank @Size(max = 64) String handlerId) {
    }

    record Reject(@NotBlank @Size(max = 2000) String reason) {
    }

    record Progress(@NotBlank @Size(max = 4000) String note) {
    }

    record Dispatch(@NotBlank @Size(max = 64) String departmentCode, List<@NotBlank String> assistingDepartments,
            @NotBlank @Size(max = 64) String operatorId) {
    }

    @Operation(summary = "Assignments of a case, or of a department")
    @GetMapping("/api/assignments")
    List<AssignmentView> list(@RequestParam(required = false) String caseId,
            @RequestParam(required = false) String department) {
        if (caseId != null) {
            return routing.find(caseId).stream()
                    .flatMap(routed -> routed.getAssignments().stream().map(a -> AssignmentView.of(routed, a)))
                    .toList();
        }
        if (department != null) {
            return routing.forDepartment(department).stream()
                    .flatMap(routed -> routed.getAssignments().stream()
                            .filter(a -> a.departmentCode().equals(department))
                            .map(a -> AssignmentView.of(routed, a)))
                    .toList();
        }
        throw new ErrorResponseException(HttpStatus.BAD_REQUEST,
                ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Give caseId or department"), null);
    }

    @Operation(summary = "The department signs for the case (簽收)")
    @PostMapping("/api/assignments/{assignmentId}/accept")
    AssignmentView accept(@PathVariable String assignmentId, @Valid @RequestBody Accept body) {
        return view(routing.accept(assignmentId, body.handlerId()), assignmentId);
    }

    @Operation(summary = "The department refuses the case, with its reason; the case returns to dispatch")
    @PostMapping("/api/assignments/{assignmentId}/reject")
    AssignmentView reject(@PathVariable String assignmentId, @Valid @RequestBody Reject body) {
        return view(routing.reject(assignmentId, body.reason()), assignmentId);
    }

    @Operation(summary = "The department reports progress")
    @PostMapping("/api/assignments/{assignmentId}/progress")
    AssignmentView progress(@PathVariable String assignmentId, @Valid @RequestBody Progress body) {
        return view(routing.progress(assignmentId, body.note()), assignmentId);
    }

    @Operation(summary = "Cases waiting for an operator to assign them by hand")
    @GetMapping("/api/dispatch/queue")
    List<QueuedCase> queue() {
        return routing.dispatchQueue().stream().map(r -> new QueuedCase(r.getId(), r.getTrackingNumber(),
                r.getKind().name(), r.getUrgency().name(), r.getCategory(), r.getOpenedAt(), r.getDispatchReason(),
                r.getBounceCount())).toList();
    }

    @Operation(summary = "An operator assigns a queued case by hand")
    @PostMapping("/api/dispatch/{caseId}/assign")
    AssignmentView dispatch(@PathVariable String caseId, @Valid @RequestBody Dispatch body) {
        RoutedCase routed = routing.dispatch(caseId, body.departmentCode(), body.assistingDepartments(),
                body.operatorId());
        Assignment current = routed.current().orElseThrow();
        return AssignmentView.of(routed, current);
    }

    private static AssignmentView view(RoutedCase routed, String assignmentId) {
        return routed.getAssignments().stream().filter(a -> a.id().equals(assignmentId)).findFirst()
                .map(a -> AssignmentView.of(routed, a)).orElseThrow();
    }
}

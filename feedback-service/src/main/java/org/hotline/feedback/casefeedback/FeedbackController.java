package org.hotline.feedback.casefeedback;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.hotline.events.CaseKind;
import org.hotline.events.FeedbackChannel;
import org.hotline.events.Satisfaction;
import org.hotline.events.Urgency;
import org.hotline.events.feedback.CaseOutcome;
import org.hotline.feedback.lifecycle.CaseRuleViolation;
import org.hotline.feedback.lifecycle.CaseState;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What departments and hotline operators do once a case has been handled: results, feedback, callbacks. */
@RestController
class FeedbackController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final FeedbackService feedback;

    FeedbackController(FeedbackService feedback) {
        this.feedback = feedback;
    }

    record ReportResult(@NotBlank @Size(max = 64) String caseId, @NotBlank @Size(max = 64) String departmentCode,
            @NotBlank @Size(max = 4000) String summary, @Size(max = 4000) String measures) {
    }

    record DeliverFeedback(@NotBlank @Size(max = 64) String caseId, FeedbackChannel channel,
            @NotBlank @Size(max = 64) String operatorId) {
    }

    record RecordCallback(@NotBlank @Size(max = 64) String caseId, @NotNull Satisfaction satisfaction,
            @Size(max = 4000) String comment, @NotBlank @Size(max = 64) String operatorId) {
    }

    record CallerView(String callerRef, boolean anonymous, FeedbackChannel preferredChannel, String maskedName,
            String maskedPhone) {
    }

    record AssignmentView(String assignmentId, String departmentCode, Instant assignedAt) {
    }

    record ResultView(String departmentCode, String summary, String measures, boolean onTheSpot, int round,
            Instant reportedAt) {
    }

    record FeedbackView(FeedbackChannel channel, String operatorId, Instant deliveredAt) {
    }

    record CallbackView(Satisfaction satisfaction, String comment, String operatorId, Instant calledAt,
            CaseState led) {
    }

    record CaseFeedbackView(String caseId, String trackingNumber, CaseKind kind, Urgency urgency, CaseState state,
            CallerView caller, String departmentCode, String assignmentId, List<AssignmentView> assignments,
            Instant openedAt, Instant resolvedAt, List<ResultView> results, List<FeedbackView> feedback, List<CallbackView> callbacks, int reopenCount,
            int reopenLimit, CaseOutcome outcome, Instant closedAt) {
    }

    record DueCallback(String caseId, String trackingNumber, CaseState state, String callerRef,
            FeedbackChannel preferredChannel, String departmentCode, Instant resolvedAt, int reopenCount) {
    }

    @Operation(summary = "A department reports the result of its handling: what was done, the measures taken")
    @PostMapping("/api/results")
    ResponseEntity<CaseFeedbackView> reportResult(@Valid @RequestBody ReportResult body,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        return created(feedback.reportResult(body.caseId(), body.departmentCode(), body.summary(), body.measures(),
                key));
    }

    @Operation(summary = "The hotline fed the result back to the caller; by default by the caller's preferred channel")
    @PostMapping("/api/feedback")
    ResponseEntity<CaseFeedbackView> deliverFeedback(@Valid @RequestBody DeliverFeedback body,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        return created(feedback.deliverFeedback(body.caseId(), body.channel(), body.operatorId(), key));
    }

    @Operation(summary = "The satisfaction callback (回訪): closes the case, or sends it back to the department")
    @PostMapping("/api/callbacks")
    ResponseEntity<CaseFeedbackView> callback(@Valid @RequestBody RecordCallback body,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        return created(feedback.callback(body.caseId(), body.satisfaction(), body.comment(), body.operatorId(), key));
    }

    @Operation(summary = "Resolved cases waiting for their satisfaction callback, longest waiting first")
    @GetMapping("/api/callbacks/due")
    List<DueCallback> callbacksDue() {
        return feedback.callbacksDue().stream().map(c -> new DueCallback(c.getId(), c.getTrackingNumber(),
                c.getState(), c.getCaller().ref(), c.getCaller().preferredChannel(), c.getDepartmentCode(),
                c.getResolvedAt(), c.getReopenCount())).toList();
    }

    @Operation(summary = "A case's results, feedback and callbacks")
    @GetMapping("/api/cases/{caseId}")
    CaseFeedbackView find(@PathVariable String caseId) {
        return feedback.find(caseId).map(this::view).orElseThrow(() -> new CaseNotFoundException(caseId));
    }

    @ExceptionHandler(CaseRuleViolation.class)
    ResponseEntity<ProblemDetail> refused(CaseRuleViolation violation) {
        HttpStatus status = switch (violation.reason()) {
            case WRONG_DEPARTMENT -> HttpStatus.UNPROCESSABLE_CONTENT;
            case MISSING_INPUT -> HttpStatus.BAD_REQUEST;
            case WRONG_STATE, ANONYMOUS_CALLER, CALLER_UNKNOWN -> HttpStatus.CONFLICT;
        };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, violation.getMessage());
        problem.setTitle(switch (violation.reason()) {
            case WRONG_DEPARTMENT -> "Not this department's case";
            case MISSING_INPUT -> "Invalid request";
            case ANONYMOUS_CALLER -> "Anonymous caller";
            case CALLER_UNKNOWN -> "Caller not known yet";
            case WRONG_STATE -> "Not allowed in the case's state";
        });
        problem.setProperty("reason", violation.reason().name());
        return ResponseEntity.status(status).body(problem);
    }

    private ResponseEntity<CaseFeedbackView> created(FeedbackCase feedbackCase) {
        return ResponseEntity.created(URI.create("/api/cases/" + feedbackCase.getId())).body(view(feedbackCase));
    }

    private CaseFeedbackView view(FeedbackCase c) {
        FeedbackCase.Caller caller = c.getCaller();
        return new CaseFeedbackView(c.getId(), c.getTrackingNumber(), c.getKind(), c.getUrgency(), c.getState(),
                caller == null ? null : new CallerView(caller.ref(), caller.anonymous(), caller.preferredChannel(),
                        caller.maskedName(), caller.maskedPhone()),
                c.getDepartmentCode(), c.getAssignmentId(),
                c.getAssignments().stream().map(a -> new AssignmentView(a.assignmentId(), a.departmentCode(),
                        a.assignedAt())).toList(),
                c.getOpenedAt(), c.getResolvedAt(),
                c.getResults().stream().map(r -> new ResultView(r.departmentCode(), r.summary(), r.measures(),
                        r.onTheSpot(), r.round(), r.reportedAt())).toList(),
                c.getFeedback().stream().map(f -> new FeedbackView(f.channel(), f.operatorId(), f.deliveredAt()))
                        .toList(),
                c.getCallbacks().stream().map(b -> new CallbackView(b.satisfaction(), b.comment(), b.operatorId(),
                        b.calledAt(), b.led())).toList(),
                c.getReopenCount(), feedback.reopenLimit(), c.getOutcome(), c.getClosedAt());
    }
}

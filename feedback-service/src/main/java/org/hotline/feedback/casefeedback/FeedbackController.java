package org.hotline.feedback.casefeedback;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.hotline.events.CaseKind;
import org.hotline.events.FeedbackChannel;
import org.hotline.events.Satisfaction;
import org.hotline.events.Urgency;
import org.hotline.events.feedback.CaseOutcome;
import org.hotline.events.feedback.ResolutionOutcome;
import org.hotline.events.routing.DepartmentRole;
import org.hotline.feedback.delivery.DeliveryAttempt;
import org.hotline.feedback.delivery.FeedbackSender;
import org.hotline.feedback.lifecycle.CaseRuleViolation;
import org.hotline.feedback.lifecycle.CaseState;
import org.hotline.feedback.lifecycle.ResultReport;
import org.hotline.support.security.HotlineUser;
import org.hotline.support.security.Role;
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
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What departments, supervisors and hotline operators do once a case has been handled: results and contributions,
 * the review of complex results, feedback to the caller, satisfaction callbacks, closing.
 * <p>
 * Department staff act for the department their token names; a supervisor acting for a department names it by the
 * {@code X-Department} header or the body's {@code departmentCode} (if both are given they must agree). Operators
 * and supervisors are named by their tokens.
 */
@RestController
class FeedbackController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String DEPARTMENT = "X-Department";

    private final FeedbackService feedback;
    private final FeedbackSender sender;

    FeedbackController(FeedbackService feedback, FeedbackSender sender) {
        this.feedback = feedback;
        this.sender = sender;
    }

    /** A department's result; {@code outcome} defaults to RESOLVED (the first version of this API had none). */
    record Resolution(@Size(max = 64) String departmentCode, ResolutionOutcome outcome,
            @NotBlank @Size(max = 4000) String summary, @Size(max = 4000) String measures,
            @Size(max = 4000) String reason, @Size(max = 4000) String alternativeOffered,
            @Size(max = 20) List<@NotBlank @Size(max = 2000) String> attachments) {
    }

    /** {@code POST /api/results}: a result naming its case in the body. */
    record ReportResult(@NotBlank @Size(max = 64) String caseId, @Size(max = 64) String departmentCode,
            ResolutionOutcome outcome, @NotBlank @Size(max = 4000) String summary, @Size(max = 4000) String measures,
            @Size(max = 4000) String reason, @Size(max = 4000) String alternativeOffered,
            @Size(max = 20) List<@NotBlank @Size(max = 2000) String> attachments) {
    }

    record Contribute(@Size(max = 64) String departmentCode, @NotBlank @Size(max = 4000) String summary,
            @Size(max = 4000) String measures, @Size(max = 20) List<@NotBlank @Size(max = 2000) String> attachments) {
    }

    record Approve(@Size(max = 64) String supervisorId) {
    }

    record GiveBack(@Size(max = 64) String supervisorId, @NotBlank @Size(max = 4000) String reason) {
    }

    record RecordFeedback(FeedbackChannel channel, @Size(max = 64) String operatorId) {
    }

    /** {@code POST /api/feedback}: feedback naming its case in the body. */
    record DeliverFeedback(@NotBlank @Size(max = 64) String caseId, FeedbackChannel channel,
            @Size(max = 64) String operatorId) {
    }

    /** A callback attempt; {@code reached} defaults to whether a satisfaction is given. */
    record Callback(Boolean reached, Satisfaction satisfaction, @Min(1) @Max(5) Integer score,
            @Size(max = 4000) String comment, @Size(max = 64) String operatorId) {
    }

    /**
     * {@code POST /api/callbacks}: a callback naming its case in the body. It still takes the first version's
     * satisfaction values: {@code UNSATISFIED} (now DISSATISFIED) and {@code NOT_REACHED} (now {@code reached: false}).
     */
    record RecordCallback(@NotBlank @Size(max = 64) String caseId, Boolean reached, @Size(max = 32) String satisfaction,
            @Min(1) @Max(5) Integer score, @Size(max = 4000) String comment,
            @Size(max = 64) String operatorId) {
    }

    record Close(@Size(max = 64) String supervisorId, @NotBlank @Size(max = 4000) String explanation) {
    }

    record CallerView(String callerRef, boolean anonymous, FeedbackChannel preferredChannel, String maskedName,
            String maskedPhone, String maskedEmail) {
    }

    record AssignmentView(String assignmentId, String departmentCode, DepartmentRole role, Instant assignedAt) {
    }

    record ResultView(String departmentCode, ResolutionOutcome outcome, String summary, String measures,
            String reason, String alternativeOffered, List<String> attachments, List<String> contributingDepartments,
            String approvedBy, boolean onTheSpot, int round, Instant reportedAt) {
    }

    record ContributionView(String departmentCode, String summary, String measures, List<String> attachments,
            int round, Instant reportedAt) {
    }

    record ReviewView(String supervisorId, boolean approved, String reason, Instant reviewedAt) {
    }

    record FeedbackView(FeedbackChannel channel, String deliveredBy, int attempts, int round, Instant deliveredAt) {
    }

    record CallbackView(boolean reached, Satisfaction satisfaction, Integer score, String comment,
            String operatorId, int attempt, int round, Instant calledAt, CaseState led) {
    }

    record CaseFeedbackView(String caseId, String trackingNumber, CaseKind kind, Urgency urgency, CaseState state,
            CallerView caller, String departmentCode, String assignmentId, List<String> assistingDepartments,
            List<AssignmentView> assignments, Instant replyBy, Instant callbackBy, Instant openedAt,
            Instant resolvedAt, List<ContributionView> contributions, ResultView pendingResult,
            List<ReviewView> reviews, List<ResultView> results, FeedbackStatus feedbackStatus, String feedbackNote,
            List<FeedbackView> feedback, List<CallbackView> callbacks, int reopenCount, int reopenLimit,
            boolean withSupervisor, CaseOutcome outcome, String closedBy, String closingNote, Instant closedAt) {
    }

    record DueCallback(String caseId, String trackingNumber, CaseState state, String callerRef,
            FeedbackChannel preferredChannel, String maskedName, String maskedPhone, String departmentCode,
            Instant resolvedAt, Instant callbackBy, int attempts, int reopenCount) {
    }

    record FeedbackTask(String caseId, String trackingNumber, FeedbackChannel preferredChannel, String maskedName,
            String maskedPhone, String maskedEmail, String departmentCode, String note, Instant resolvedAt,
            Instant replyBy, int attempts) {
    }

    @Operation(summary = "The lead (or only) department reports its result; a complex case's result waits for review")
    @PostMapping("/api/cases/{caseId}/resolution")
    ResponseEntity<CaseFeedbackView> resolution(@PathVariable String caseId, @Valid @RequestBody Resolution body,
            @RequestHeader(name = DEPARTMENT, required = false) String department,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        return created(feedback.reportResult(caseId, department(caseId, department, body.departmentCode()), new ResultReport(
                body.outcome(), body.summary(), body.measures(), body.reason(), body.alternativeOffered(),
                body.attachments()), key));
    }

    @Operation(summary = "A department reports its result, the case named in the body (first version of the API)")
    @PostMapping("/api/results")
    ResponseEntity<CaseFeedbackView> reportResult(@Valid @RequestBody ReportResult body,
            @RequestHeader(name = DEPARTMENT, required = false) String department,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        return created(feedback.reportResult(body.caseId(),
                department(body.caseId(), department, body.departmentCode()),
                new ResultReport(body.outcome() != null ? body.outcome() : ResolutionOutcome.RESOLVED, body.summary(),
                        body.measures(), body.reason(), body.alternativeOffered(), body.attachments()), key));
    }

    @Operation(summary = "An assisting department contributes its part of a complex case")
    @PostMapping("/api/cases/{caseId}/contributions")
    ResponseEntity<CaseFeedbackView> contribute(@PathVariable String caseId, @Valid @RequestBody Contribute body,
            @RequestHeader(name = DEPARTMENT, required = false) String department,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        new ResultReport(ResolutionOutcome.RESOLVED, body.summary(), null, null, null, body.attachments())
                .validated();
        return created(feedback.contribute(caseId, department(caseId, department, body.departmentCode()), body.summary(),
                body.measures(), body.attachments(), key));
    }

    @Operation(summary = "A supervisor approves the consolidated result (審核): the case is resolved")
    @PostMapping("/api/cases/{caseId}/resolution/approve")
    ResponseEntity<CaseFeedbackView> approve(@PathVariable String caseId, @Valid @RequestBody Approve body,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        return created(feedback.approve(caseId, HotlineUser.subjectOr(body.supervisorId()), key));
    }

    @Operation(summary = "A supervisor returns the consolidated result to the lead department, with the reason")
    @PostMapping("/api/cases/{caseId}/resolution/return")
    ResponseEntity<CaseFeedbackView> giveBack(@PathVariable String caseId, @Valid @RequestBody GiveBack body,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        return created(feedback.giveBack(caseId, HotlineUser.subjectOr(body.supervisorId()), body.reason(), key));
    }

    @Operation(summary = "Cases whose result an operator must feed back (phone, letter, visit, or gateways failed)")
    @GetMapping("/api/feedback/worklist")
    List<FeedbackTask> feedbackWorklist() {
        return feedback.feedbackWorklist().stream().map(c -> new FeedbackTask(c.getId(), c.getTrackingNumber(),
                c.getCaller().preferredChannel(), c.getCaller().maskedName(), c.getCaller().maskedPhone(),
                c.getCaller().maskedEmail(), c.getDepartmentCode(), c.getFeedbackNote(), c.getResolvedAt(),
                c.getReplyBy(), c.getFeedbackAttempts())).toList();
    }

    @Operation(summary = "An operator fed the result back; by default by the caller's preferred channel")
    @PostMapping("/api/cases/{caseId}/feedback")
    ResponseEntity<CaseFeedbackView> recordFeedback(@PathVariable String caseId,
            @Valid @RequestBody RecordFeedback body,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        return created(feedback.deliverFeedback(caseId, body.channel(), HotlineUser.subjectOr(body.operatorId()), key));
    }

    @Operation(summary = "An operator fed the result back, the case named in the body (first version of the API)")
    @PostMapping("/api/feedback")
    ResponseEntity<CaseFeedbackView> deliverFeedback(@Valid @RequestBody DeliverFeedback body,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        return created(feedback.deliverFeedback(body.caseId(), body.channel(), HotlineUser.subjectOr(body.operatorId()), key));
    }

    @Operation(summary = "Every attempt to reach the caller through the gateways, oldest first")
    @GetMapping("/api/cases/{caseId}/feedback/attempts")
    List<DeliveryAttempt> attempts(@PathVariable String caseId) {
        feedback.find(caseId).orElseThrow(() -> new CaseNotFoundException(caseId));
        return sender.attempts(caseId);
    }

    @Operation(summary = "A satisfaction callback (回訪) attempt: closes the case, sends it back, or is tried again")
    @PostMapping("/api/cases/{caseId}/callback")
    ResponseEntity<CaseFeedbackView> callback(@PathVariable String caseId, @Valid @RequestBody Callback body,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        return created(feedback.callback(caseId, reached(body.reached(), body.satisfaction()), body.satisfaction(),
                body.score(), body.comment(), HotlineUser.subjectOr(body.operatorId()), key));
    }

    @Operation(summary = "A satisfaction callback, the case named in the body (first version of the API)")
    @PostMapping("/api/callbacks")
    ResponseEntity<CaseFeedbackView> recordCallback(@Valid @RequestBody RecordCallback body,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        boolean notReached = "NOT_REACHED".equals(body.satisfaction());
        Satisfaction satisfaction = notReached ? null : firstVersionSatisfaction(body.satisfaction());
        return created(feedback.callback(body.caseId(), !notReached && reached(body.reached(), satisfaction),
                satisfaction, body.score(), body.comment(), HotlineUser.subjectOr(body.operatorId()), key));
    }

    @Operation(summary = "Resolved cases waiting for their satisfaction callback, longest waiting first")
    @GetMapping("/api/callbacks/due")
    List<DueCallback> callbacksDue() {
        return feedback.callbacksDue().stream().map(c -> new DueCallback(c.getId(), c.getTrackingNumber(),
                c.getState(), c.getCaller().ref(), c.getCaller().preferredChannel(), c.getCaller().maskedName(),
                c.getCaller().maskedPhone(), c.getDepartmentCode(), c.getResolvedAt(), c.getCallbackBy(),
                c.callbacksThisRound().size(), c.getReopenCount())).toList();
    }

    @Operation(summary = "A supervisor closes a case sent up after the reopen limit, the reason explained (EXPLAINED)")
    @PostMapping("/api/cases/{caseId}/close")
    ResponseEntity<CaseFeedbackView> close(@PathVariable String caseId, @Valid @RequestBody Close body,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        return created(feedback.closeExplained(caseId, HotlineUser.subjectOr(body.supervisorId()), body.explanation(), key));
    }

    @Operation(summary = "A case's departments, results, review, feedback and callbacks")
    @GetMapping("/api/cases/{caseId}")
    CaseFeedbackView find(@PathVariable String caseId) {
        HotlineUser user = HotlineUser.current();
        return feedback.find(caseId).filter(found -> user.maySee(found.getDepartmentCode())
                || found.getAssistingDepartments().stream().anyMatch(user::maySee)).map(this::view)
                .orElseThrow(() -> new CaseNotFoundException(caseId));
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
        if (violation.field() != null) {
            problem.setProperty("errors", List.of(Map.of("field", violation.field(), "message",
                    violation.getMessage().substring(violation.field().length() + 2))));
        }
        return ResponseEntity.status(status).body(problem);
    }

    /** The department acting: the caller's own, or for a supervisor the one named by the header or the body. */
    private static String department(String caseId, String header, String body) {
        boolean inHeader = header != null && !header.isBlank();
        boolean inBody = body != null && !body.isBlank();
        if (inHeader && inBody && !header.equals(body)) {
            throw new CaseRuleViolation(CaseRuleViolation.Reason.MISSING_INPUT, "departmentCode",
                    "differs from the " + DEPARTMENT + " header");
        }
        HotlineUser user = HotlineUser.current();
        if (!user.has(Role.SUPERVISOR)) {
            // department staff act for their own department only; another department's case is not theirs to see
            String own = user.department();
            String named = inHeader ? header : inBody ? body : own;
            if (own == null && user.has(Role.DEPARTMENT) || own != null && !own.equals(named)) {
                throw new CaseNotFoundException(caseId);
            }
            if (named != null) {
                return named;
            }
        }
        if (!inHeader && !inBody) {
            throw new CaseRuleViolation(CaseRuleViolation.Reason.MISSING_INPUT, "departmentCode",
                    "name the department in the body or the " + DEPARTMENT + " header");
        }
        return inHeader ? header : body;
    }

    private static Satisfaction firstVersionSatisfaction(String value) {
        if (value == null) {
            return null;
        }
        if (value.equals("UNSATISFIED")) {
            return Satisfaction.DISSATISFIED;
        }
        try {
            return Satisfaction.valueOf(value);
        }
        catch (IllegalArgumentException ex) {
            throw new CaseRuleViolation(CaseRuleViolation.Reason.MISSING_INPUT, "satisfaction",
                    "must be one of " + java.util.Arrays.toString(Satisfaction.values()));
        }
    }

    private static boolean reached(Boolean reached, Satisfaction satisfaction) {
        return reached != null ? reached : satisfaction != null;
    }

    private ResponseEntity<CaseFeedbackView> created(FeedbackCase feedbackCase) {
        return ResponseEntity.created(URI.create("/api/cases/" + feedbackCase.getId())).body(view(feedbackCase));
    }

    private static ResultView result(FeedbackCase.Result r) {
        return r == null ? null : new ResultView(r.departmentCode(), r.outcome(), r.summary(), r.measures(),
                r.reason(), r.alternativeOffered(), r.attachments(), r.contributingDepartments(), r.approvedBy(),
                r.onTheSpot(), r.round(), r.reportedAt());
    }

    private CaseFeedbackView view(FeedbackCase c) {
        FeedbackCase.Caller caller = c.getCaller();
        return new CaseFeedbackView(c.getId(), c.getTrackingNumber(), c.getKind(), c.getUrgency(), c.getState(),
                caller == null ? null : new CallerView(caller.ref(), caller.anonymous(), caller.preferredChannel(),
                        caller.maskedName(), caller.maskedPhone(), caller.maskedEmail()),
                c.getDepartmentCode(), c.getAssignmentId(), c.getAssistingDepartments(),
                c.getAssignments().stream().map(a -> new AssignmentView(a.assignmentId(), a.departmentCode(),
                        a.role(), a.assignedAt())).toList(),
                c.getReplyBy(), c.getCallbackBy(), c.getOpenedAt(), c.getResolvedAt(),
                c.getContributions().stream().map(k -> new ContributionView(k.departmentCode(), k.summary(),
                        k.measures(), k.attachments(), k.round(), k.reportedAt())).toList(),
                result(c.getPendingResult()),
                c.getReviews().stream().map(r -> new ReviewView(r.supervisorId(), r.approved(), r.reason(),
                        r.reviewedAt())).toList(),
                c.getResults().stream().map(FeedbackController::result).toList(), c.getFeedbackStatus(),
                c.getFeedbackNote(),
                c.getFeedback().stream().map(f -> new FeedbackView(f.channel(), f.deliveredBy(), f.attempts(),
                        f.round(), f.deliveredAt())).toList(),
                c.getCallbacks().stream().map(b -> new CallbackView(b.reached(), b.satisfaction(), b.score(),
                        b.comment(), b.operatorId(), b.attempt(), b.round(), b.calledAt(), b.led())).toList(),
                c.getReopenCount(), feedback.reopenLimit(), c.isWithSupervisor(), c.getOutcome(), c.getClosedBy(),
                c.getClosingNote(), c.getClosedAt());
    }
}

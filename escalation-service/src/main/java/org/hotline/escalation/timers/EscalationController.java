package org.hotline.escalation.timers;

import java.time.Instant;
import java.util.List;

import org.hotline.escalation.timers.domain.Escalation;
import org.hotline.escalation.timers.domain.SlaTimer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** What supervisors see: the deadlines each case is held to, and how far up the ladder it went. */
@RestController
@RequestMapping("/api/escalations")
@Validated
class EscalationController {

    private final EscalationService escalation;

    EscalationController(EscalationService escalation) {
        this.escalation = escalation;
    }

    /**
     * The deadlines of a case and its escalations.
     *
     * @param nextDueAt the earliest pending deadline, null when none is pending
     * @param lastEscalatedAt when the case last went up the ladder
     */
    record CaseEscalations(String caseId, String trackingNumber, String urgency, Instant nextDueAt,
            Instant lastEscalatedAt, int highestLevel, List<TimerView> timers, List<EscalationView> escalations) {

        static CaseEscalations of(EscalationCase c) {
            List<EscalationView> escalations = c.getBook().escalations().stream().map(EscalationView::of).toList();
            return new CaseEscalations(c.getId(), c.getTrackingNumber(),
                    c.getUrgency() == null ? null : c.getUrgency().name(), c.getNextDueAt(), c.getLastEscalatedAt(),
                    escalations.stream().mapToInt(EscalationView::level).max().orElse(0),
                    c.getBook().timers().stream().map(TimerView::of).toList(), escalations);
        }
    }

    /**
     * One deadline of one assignment.
     *
     * @param status PENDING, CANCELLED or FIRED
     * @param settledBy why it was cancelled (accepted, rejected, resolved, feedback delivered, closed) or overdue
     */
    record TimerView(String assignmentId, String departmentCode, String kind, String reason, Instant dueAt,
            String status, Instant settledAt, String settledBy) {

        static TimerView of(SlaTimer t) {
            return new TimerView(t.assignmentId(), t.departmentCode(), t.kind().name(), t.kind().reason().name(),
                    t.dueAt(), t.status().name(), t.settledAt(), t.settledBy());
        }
    }

    record EscalationView(int level, String reason, String escalatedTo, String departmentCode, String assignmentId,
            Instant deadline, Instant escalatedAt) {

        static EscalationView of(Escalation e) {
            return new EscalationView(e.level(), e.reason().name(), e.escalatedTo(), e.departmentCode(),
                    e.assignmentId(), e.deadline(), e.escalatedAt());
        }
    }

    @Operation(summary = "The deadline timers and escalations of a case",
            description = "Every deadline of every assignment with its status (PENDING, CANCELLED, FIRED), and "
                    + "every escalation so far, emergencies included. 404 while no event of the case has arrived.")
    @GetMapping("/{caseId}")
    CaseEscalations get(@PathVariable String caseId) {
        return escalation.find(caseId).map(CaseEscalations::of).orElseThrow(() -> new CaseNotFoundException(caseId));
    }

    @Operation(summary = "Cases that need watching",
            description = "active=true: cases with a pending deadline, the soonest due first, so a supervisor sees "
                    + "what is about to run late. since: cases escalated since that moment, the latest first.")
    @GetMapping
    List<CaseEscalations> list(
            @Parameter(description = "true: cases with pending deadlines") @RequestParam(required = false) Boolean active,
            @Parameter(description = "cases escalated at or after this moment (ISO-8601, e.g. 2026-11-23T08:00:00Z)")
            @RequestParam(required = false) Instant since,
            @Parameter(description = "at most this many cases") @RequestParam(defaultValue = "100") @Min(1) @Max(500)
            int limit) {
        if (Boolean.TRUE.equals(active)) {
            return escalation.pending(limit).stream().map(CaseEscalations::of).toList();
        }
        if (since != null) {
            return escalation.escalatedSince(since, limit).stream().map(CaseEscalations::of).toList();
        }
        throw new ErrorResponseException(HttpStatus.BAD_REQUEST,
                ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Give active=true or since"), null);
    }
}

package org.hotline.escalation.timers;

import java.time.Instant;
import java.util.List;

import org.hotline.escalation.supervision.EscalationLog;
import org.hotline.escalation.supervision.EscalationLog.EscalationView;
import org.hotline.support.security.HotlineUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A case's timers and escalations, and the after-action review of an emergency. */
@RestController
@RequestMapping("/api/escalations/cases")
class CaseController {

    private final EscalationService service;
    private final TimerStore timers;
    private final EscalationLog escalations;

    CaseController(EscalationService service, TimerStore timers, EscalationLog escalations) {
        this.service = service;
        this.timers = timers;
        this.escalations = escalations;
    }

    /**
     * One milestone timer.
     *
     * @param state OPEN, SUSPENDED, MET, CANCELLED or DONE (every step fired)
     * @param stepsFired how many steps of its ladder fired
     * @param dueAt when the next step is due; null once none can fire
     */
    record TimerView(String timerId, String assignmentId, String departmentCode, String milestone, String clock,
            Instant windowStart, Instant deadline, String state, String settledBy, int stepsFired, Instant dueAt) {

        static TimerView of(TimerDocument t) {
            return new TimerView(t.getId(), t.getAssignmentId(), t.getDepartmentCode(), t.getMilestone().name(),
                    t.getClock().name(), t.getWindowStart(), t.getDeadline(), t.getState().name(), t.getSettledBy(),
                    t.getStep(), t.getDueAt());
        }
    }

    record CaseView(String caseId, boolean emergency, String category, List<TimerView> timers,
            List<EscalationView> escalations, EscalationCase.Review afterActionReview) {
    }

    /**
     * The after-action review (調查總結) of an emergency.
     *
     * @param department the department that investigated
     * @param cause what caused it (原因分析)
     * @param measures what is done so it does not happen again (改進措施)
     */
    record AfterActionReview(@NotBlank @Size(max = 64) String department, @NotBlank @Size(max = 4000) String cause,
            @NotBlank @Size(max = 4000) String measures) {
    }

    @Operation(summary = "The milestone timers and escalations of a case",
            description = "404 problem while no event of the case has arrived.")
    @GetMapping("/{caseId}")
    CaseView get(@PathVariable String caseId) {
        EscalationCase escalationCase = service.find(caseId).orElseThrow(() -> unknown(caseId));
        return view(escalationCase);
    }

    @Operation(summary = "File the after-action review of an emergency",
            description = "Publishes AfterActionReviewed and meets the AFTER_ACTION_REVIEW milestone. 404 for an "
                    + "unknown case, 409 if the case is not an emergency or its review was filed before.")
    @PostMapping("/{caseId}/after-action-review")
    @ResponseStatus(HttpStatus.CREATED)
    CaseView fileReview(@PathVariable String caseId, @Valid @RequestBody AfterActionReview review) {
        if (!HotlineUser.current().mayActFor(review.department())) {
            // department staff file only for their own department, and learn nothing of other departments' cases
            throw unknown(caseId);
        }
        return view(service.fileReview(caseId, review.department(), review.cause(), review.measures()));
    }

    private CaseView view(EscalationCase escalationCase) {
        return new CaseView(escalationCase.getId(), escalationCase.facts().emergency(),
                escalationCase.facts().category(),
                timers.ofCase(escalationCase.getId()).stream().map(TimerView::of).toList(),
                escalations.ofCase(escalationCase.getId()), escalationCase.getReview());
    }

    private static ErrorResponseException unknown(String caseId) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "No events of case " + caseId + " have arrived");
        problem.setTitle("Unknown case");
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }
}

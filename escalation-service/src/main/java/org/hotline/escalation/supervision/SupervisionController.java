package org.hotline.escalation.supervision;

import org.hotline.escalation.supervision.EscalationLog.EscalationPage;
import org.hotline.escalation.supervision.EscalationLog.EscalationView;
import org.hotline.events.escalation.EscalationLevel;
import org.hotline.support.security.HotlineUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The supervision desk (督辦): escalations to follow up, acknowledge, and count. */
@RestController
@RequestMapping("/api/escalations")
class SupervisionController {

    private final EscalationLog escalations;

    SupervisionController(EscalationLog escalations) {
        this.escalations = escalations;
    }

    /**
     * An acknowledgement.
     *
     * @param acknowledgedBy who took note; the caller's token names them, this is used only when security is off
     * @param note what is being done about it
     */
    record Acknowledgement(@Size(max = 100) String acknowledgedBy, @NotBlank @Size(max = 2000) String note) {
    }

    @Operation(summary = "Escalations, the latest first",
            description = "Filter by level, department and whether still open (neither acknowledged nor settled by "
                    + "the milestone being met or cancelled). Paged: page from 0, size 1–200.")
    @GetMapping
    EscalationPage list(
            @Parameter(description = "REMINDER, OVERDUE, SUPERVISOR, LEADERSHIP or COMMAND_CENTER")
            @RequestParam(required = false) EscalationLevel level,
            @Parameter(description = "department code") @RequestParam(required = false) @Size(min = 1, max = 64)
            String department,
            @Parameter(description = "true: open only; false: closed only") @RequestParam(required = false)
            Boolean open,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return escalations.list(level, department, open, page, size);
    }

    @Operation(summary = "Open escalations counted by level and department")
    @GetMapping("/summary")
    Summary summary() {
        return escalations.summary();
    }

    @Operation(summary = "One escalation", description = "404 problem for an unknown id.")
    @GetMapping("/{id}")
    EscalationView get(@PathVariable String id) {
        return escalations.find(id).map(EscalationView::of).orElseThrow(() -> new EscalationNotFoundException(id));
    }

    @Operation(summary = "Acknowledge an escalation with a note",
            description = "Publishes EscalationAcknowledged; the escalation is no longer open. 404 for an unknown "
                    + "id, 409 if it was already acknowledged.")
    @PostMapping("/{id}/acknowledge")
    EscalationView acknowledge(@PathVariable String id, @Valid @RequestBody Acknowledgement acknowledgement) {
        String by = HotlineUser.subjectOr(acknowledgement.acknowledgedBy());
        if (by == null || by.isBlank()) {
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, ProblemDetail.forStatusAndDetail(
                    HttpStatus.BAD_REQUEST, "acknowledgedBy: who took note is required"), null);
        }
        return escalations.acknowledge(id, by, acknowledgement.note());
    }
}

package org.hotline.intake.caseintake;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/cases")
class CaseController {

    private final CaseIntakeService intake;

    CaseController(CaseIntakeService intake) {
        this.intake = intake;
    }

    @Operation(summary = "Open a case", description = "Returns 201 with the case id and the tracking number to read "
            + "to the caller. A retry with the same Idempotency-Key returns the original case with 200.")
    @PostMapping
    ResponseEntity<CaseCreated> open(@Valid @RequestBody NewCaseRequest request,
            @Parameter(description = "Makes retries safe: the same key always yields the same case")
            @RequestHeader(name = "Idempotency-Key", required = false) @Size(max = 128) String idempotencyKey) {
        CaseIntakeService.Intake result = intake.open(request, idempotencyKey);
        CaseCreated body = new CaseCreated(result.file().getId(), result.file().getTrackingNumber());
        if (!result.created()) {
            return ResponseEntity.ok(body);
        }
        return ResponseEntity.created(URI.create("/api/cases/" + body.caseId())).body(body);
    }

    @Operation(summary = "A case by id")
    @GetMapping("/{caseId}")
    CaseView get(@PathVariable String caseId) {
        return intake.find(caseId).map(CaseView::of).orElseThrow(() -> new CaseNotFoundException(caseId));
    }

    @Operation(summary = "Cases by tracking number, or a repeat caller's cases by phone number")
    @GetMapping
    List<CaseView> search(@RequestParam(required = false) String trackingNumber,
            @RequestParam(required = false) String phone) {
        if (trackingNumber != null) {
            return intake.findByTrackingNumber(trackingNumber).map(CaseView::of).stream().toList();
        }
        if (phone != null) {
            return intake.findByPhone(phone).stream().map(CaseView::of).toList();
        }
        throw new ErrorResponseException(HttpStatus.BAD_REQUEST,
                ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Give trackingNumber or phone"), null);
    }
}

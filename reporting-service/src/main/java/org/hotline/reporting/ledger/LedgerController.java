package org.hotline.reporting.ledger;

import java.time.Instant;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** The tracking ledger for supervisors and analysts. */
@RestController
class LedgerController {

    private final Ledger ledger;

    LedgerController(Ledger ledger) {
        this.ledger = ledger;
    }

    @Operation(summary = "A case's ledger: its summary, status and full timeline")
    @GetMapping("/api/ledger/{caseId}")
    LedgerCase get(@PathVariable String caseId) {
        return ledger.find(caseId).orElseThrow(() -> new CaseNotFoundException(caseId));
    }

    @Operation(summary = "Cases most recently active first, without timelines; filter by status, department of "
            + "the current assignment, and the period the case was opened in (from inclusive, to exclusive)")
    @GetMapping("/api/ledger")
    List<LedgerCase> list(@RequestParam(required = false) CaseStatus status,
            @RequestParam(required = false) String department,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        return ledger.list(status, department, from, to, limit);
    }
}

package org.hotline.reporting.ledger;

import java.time.Instant;

import org.hotline.events.Urgency;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** The tracking ledger for supervisors and analysts. */
@RestController
class LedgerController {

    static final String CSV = "text/csv";
    /** The CSV page carries the number of matching cases in this header. */
    static final String TOTAL_COUNT = "X-Total-Count";

    private final Ledger ledger;

    LedgerController(Ledger ledger) {
        this.ledger = ledger;
    }

    @Operation(summary = "A case's ledger: its summary, departments, every deadline (met, missed, open or "
            + "cancelled), escalations, feedback, callbacks and full timeline, in the order things happened")
    @GetMapping("/api/ledger/{caseId}")
    LedgerCase get(@PathVariable String caseId) {
        return ledger.find(caseId).orElseThrow(() -> new CaseNotFoundException(caseId));
    }

    @Operation(summary = "Cases most recently active first, without timelines, a page at a time. Filters: a "
            + "department of the current assignment, the status, the urgency, overdue (in the backlog and past the "
            + "lead department's resolve-by deadline), and the period the case was opened in (from inclusive, to "
            + "exclusive). With Accept: text/csv, the same page as CSV.")
    @GetMapping(value = "/api/ledger", produces = "application/json")
    Ledger.Page list(@RequestParam(required = false) String department,
            @RequestParam(required = false) CaseStatus status, @RequestParam(required = false) Urgency urgency,
            @RequestParam(required = false) Boolean overdue,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @Parameter(description = "page number, from 0") @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(1000) int size) {
        return ledger.list(new Ledger.Filter(department, status, urgency, overdue, from, to), page, size);
    }

    @GetMapping(value = "/api/ledger", produces = CSV)
    ResponseEntity<String> listCsv(@RequestParam(required = false) String department,
            @RequestParam(required = false) CaseStatus status, @RequestParam(required = false) Urgency urgency,
            @RequestParam(required = false) Boolean overdue,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(1000) int size) {
        Ledger.Page found = ledger.list(new Ledger.Filter(department, status, urgency, overdue, from, to), page, size);
        Csv csv = new Csv("caseId", "trackingNumber", "status", "overdue", "channel", "kind", "category",
                "subCategory", "urgency", "department", "openedAt", "acceptedAt", "resolvedAt", "handlingHours",
                "feedbackAt", "satisfaction", "score", "bounces", "reopens", "escalations", "closedAt", "outcome");
        for (LedgerCase c : found.items()) {
            csv.row(c.caseId(), c.trackingNumber(), c.status(), c.overdue(), c.channel(), c.kind(), c.category(),
                    c.subCategory(), c.urgency(), c.department(), c.openedAt(), c.acceptedAt(), c.resolvedAt(),
                    c.handlingTime() == null ? null : String.format("%.2f", c.handlingTime().toSeconds() / 3600.0),
                    c.feedbackAt(), c.satisfaction(), c.score(), c.bounces(), c.reopens(), c.escalations().size(),
                    c.closedAt(), c.outcome());
        }
        ResponseEntity<String> file = csv.response("ledger.csv");
        return ResponseEntity.ok().headers(file.getHeaders()).header(TOTAL_COUNT, Long.toString(found.totalItems()))
                .body(file.getBody());
    }
}

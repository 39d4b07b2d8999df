package org.hotline.reporting.kpi;

import java.time.Instant;
import java.util.List;

import org.hotline.reporting.ledger.Ledger;
import org.hotline.reporting.ledger.LedgerCase;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

/** The hotline's KPIs, overall and per department, for the cases opened in a period. */
@RestController
class KpiController {

    private final Ledger ledger;
    private final KpiSettings settings;

    KpiController(Ledger ledger, KpiSettings settings) {
        this.ledger = ledger;
        this.settings = settings;
    }

    /**
     * @param answerThresholdSeconds the answer-time threshold the figures were measured with
     * @param overall the figures of every case opened in the period
     * @param departments the figures per department of the current assignment
     */
    record KpiReport(Instant from, Instant to, long answerThresholdSeconds, Kpis overall,
            List<DepartmentKpis> departments) {
    }

    record DepartmentKpis(String department, Kpis kpis) {
    }

    @Operation(summary = "KPIs of the cases opened in the period (from inclusive, to exclusive; both optional)")
    @GetMapping("/api/kpis")
    KpiReport kpis(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST,
                    ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "from must be before to"), null);
        }
        List<KpiCase> cases = ledger.openedIn(from, to).stream().map(KpiController::kpiCase).toList();
        List<DepartmentKpis> departments = KpiFormulas.byDepartment(cases, settings.answerThreshold()).entrySet()
                .stream().map(e -> new DepartmentKpis(e.getKey(), e.getValue())).toList();
        return new KpiReport(from, to, settings.answerThreshold().toSeconds(),
                KpiFormulas.of(cases, settings.answerThreshold()), departments);
    }

    private static KpiCase kpiCase(LedgerCase c) {
        return new KpiCase(c.department(), c.channel(), c.ringStartedAt(), c.answeredAt(), c.anonymous(),
                c.assignedAt(), c.resolvedAt(), c.deadlines() == null ? null : c.deadlines().resolveBy(), c.closedAt(),
                c.satisfaction(), c.escalations(), c.rejections(), c.reopens());
    }
}

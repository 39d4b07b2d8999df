package org.hotline.reporting.kpi;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.hotline.reporting.kpi.KpiReports.GroupBy;
import org.hotline.reporting.ledger.CaseFacts.Grain;
import org.hotline.reporting.ledger.Csv;
import org.hotline.reporting.ledger.ReportingSettings;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** The hotline's KPIs and the common-problems report, read from the KPI buckets. */
@RestController
class KpiController {

    static final String PERIOD = "Days are calendar days in the reporting time zone; from inclusive, to exclusive; "
            + "dates (2026-11-01) or instants (2026-11-01T00:00:00Z). Defaults: the last 30 days up to today.";

    private final KpiReports reports;
    private final ReportingSettings settings;
    private final Clock clock;

    KpiController(KpiReports reports, ReportingSettings settings, Clock clock) {
        this.reports = reports;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * @param groupBy the breakdown of {@code groups}: none, department, category, channel, operator, day, week or
     *     month
     * @param overall every case opened in the period
     */
    record KpiReport(LocalDate from, LocalDate to, String groupBy, long answerThresholdSeconds,
            long walkInThresholdSeconds, String zone, Kpis overall, List<KpiReports.Group> groups) {
    }

    record CommonProblems(LocalDate from, LocalDate to, LocalDate previousFrom, LocalDate previousTo,
            List<KpiReports.Problem> categories, List<KpiReports.Problem> keywords, List<KpiReports.Problem> areas) {
    }

    @Operation(summary = "KPIs of the cases opened in a period, overall and broken down", description = """
            Read from the KPI buckets (one per day and dimension), never from the cases. Each case counts in the \
            day it was opened, as its facts stand now. Definitions: answerTimeliness = calls answered within the \
            answer threshold (default 15 s) and walk-ins received within the walk-in threshold (default 5 min), \
            over those with both times; handlingAccuracy = resolved cases resolved by the first department (or on \
            the spot), never refused, never reopened, over resolved cases; onTimeAcceptance = assignments signed \
            for by their acceptance deadline, over assignments signed for or refused; onTimeResolution (按時辦結率) \
            = resolved cases resolved by the lead's resolve-by deadline, over resolved cases with one; \
            feedbackTimeliness = resolved non-anonymous cases fed back by the reply-by deadline, over those with \
            one; callbackRate = resolved non-anonymous cases whose callback reached the caller, over resolved \
            non-anonymous cases; satisfactionRate = satisfied or basically satisfied at the latest reached \
            callback, over callers who answered; meanScore = mean 1-5 score; reopenRate = cases reopened, over \
            cases opened; Beijing's responseRate = answered on the spot or first lead department in touch by its \
            acceptance (or on-site) deadline, over cases answered on the spot or assigned; Beijing's \
            resolutionRate = callers satisfied whose result is resolved, answered or adopted, over callers who \
            answered; backlog = cases waiting for a result; overdue = backlog cases the escalation ladder declared \
            past their resolve-by deadline; handlingTime = opening to result, mean and p90 (from a histogram) in \
            hours. """ + PERIOD)
    @GetMapping(value = "/api/reports/kpis", produces = "application/json")
    KpiReport kpis(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @Parameter(description = "none, department, category, channel, operator, day, week or month")
            @RequestParam(defaultValue = "none") String groupBy) {
        Period period = Period.parse(from, to, settings.zone(), clock.instant());
        GroupBy by = groupBy(groupBy);
        return new KpiReport(period.from(), period.to(), by.name().toLowerCase(Locale.ROOT),
                settings.answerThreshold().toSeconds(), settings.walkInThreshold().toSeconds(),
                settings.zone().getId(), reports.overall(period), reports.groups(period, by));
    }

    @Operation(summary = "The KPI report as CSV: one line per group (and one for all cases)")
    @GetMapping(value = "/api/reports/kpis", produces = "text/csv")
    ResponseEntity<String> kpisCsv(@RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(defaultValue = "none") String groupBy) {
        KpiReport report = kpis(from, to, groupBy);
        Csv csv = new Csv("group", "opened", "resolved", "closed", "backlog", "overdue", "emergencies", "escalations",
                "bounces", "reopens", "answerTimeliness", "handlingAccuracy", "onTimeAcceptance", "onTimeResolution",
                "feedbackTimeliness", "callbackRate", "satisfactionRate", "meanScore", "reopenRate", "responseRate",
                "resolutionRate", "meanHandlingHours", "p90HandlingHours");
        row(csv, "(all)", report.overall());
        report.groups().forEach(g -> row(csv, g.key(), g.kpis()));
        return csv.response("kpis-" + report.from() + "-" + report.to() + ".csv");
    }

    @Operation(summary = "Common problems (常見問題): the top categories, keywords of the descriptions and areas of "
            + "the cases opened in a period, with their change against the period of the same length before. "
            + PERIOD)
    @GetMapping("/api/reports/common-problems")
    CommonProblems commonProblems(@RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "10") @Min(1) @Max(100) int top) {
        Period period = Period.parse(from, to, settings.zone(), clock.instant());
        Period previous = period.previous();
        return new CommonProblems(period.from(), period.to(), previous.from(), previous.to(),
                reports.top(Grain.CATEGORY, period, top), reports.top(Grain.KEYWORD, period, top),
                reports.top(Grain.AREA, period, top));
    }

    @Operation(summary = "Moved: answers 308 to /api/reports/kpis?groupBy=department with the same period")
    @GetMapping("/api/kpis")
    ResponseEntity<Void> moved(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        UriComponentsBuilder target = UriComponentsBuilder.fromPath("/api/reports/kpis")
                .queryParam("groupBy", "department");
        if (from != null) {
            target.queryParam("from", from);
        }
        if (to != null) {
            target.queryParam("to", to);
        }
        URI location = target.encode().build().toUri();
        return ResponseEntity.status(HttpStatus.PERMANENT_REDIRECT).location(location).build();
    }

    private static GroupBy groupBy(String value) {
        try {
            return GroupBy.valueOf(value.toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException ex) {
            throw Period.badRequest("groupBy",
                    "groupBy must be one of none, department, category, channel, operator, day, week, month");
        }
    }

    private static void row(Csv csv, String group, Kpis k) {
        csv.row(group, k.opened(), k.resolved(), k.closed(), k.backlog(), k.overdue(), k.emergencies(),
                k.escalations(), k.bounces(), k.reopens(), value(k.answerTimeliness()), value(k.handlingAccuracy()),
                value(k.onTimeAcceptance()), value(k.onTimeResolution()), value(k.feedbackTimeliness()),
                value(k.callbackRate()), value(k.satisfactionRate()), k.meanScore(), value(k.reopenRate()),
                value(k.responseRate()), value(k.resolutionRate()), k.handlingTime().meanHours(),
                k.handlingTime().p90Hours());
    }

    private static Double value(Kpis.Rate rate) {
        return rate.value();
    }
}

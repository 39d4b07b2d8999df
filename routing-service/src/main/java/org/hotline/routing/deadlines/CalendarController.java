package org.hotline.routing.deadlines;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.hotline.routing.calendar.CalendarDefinition;
import org.hotline.routing.calendar.CalendarDefinition.InvalidCalendarException;
import org.hotline.routing.calendar.TermFormat;
import org.hotline.routing.calendar.DeadlinePolicy;
import org.hotline.support.security.AuditTrail;
import org.hotline.support.security.HotlineUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

/** The working calendar's admin API, and the deadline policy in force. */
@RestController
class CalendarController {

    private final Calendars calendars;
    private final DeadlinePolicy policy;
    private final AuditTrail audit;

    CalendarController(Calendars calendars, DeadlinePolicy policy, AuditTrail audit) {
        this.calendars = calendars;
        this.policy = policy;
        this.audit = audit;
    }

    record CalendarView(int version, CalendarDefinition definition, Instant publishedAt, String publishedBy) {

        static CalendarView of(PublishedCalendar.Version v) {
            return new CalendarView(v.version(), v.definition(), v.publishedAt(), v.publishedBy());
        }
    }

    @Operation(summary = "The working calendar in force")
    @GetMapping("/api/calendar")
    CalendarView current() {
        calendars.current();
        List<PublishedCalendar.Version> versions = calendars.versions();
        return CalendarView.of(versions.get(versions.size() - 1));
    }

    @Operation(summary = "Every version of the working calendar, oldest first")
    @GetMapping("/api/calendar/versions")
    List<CalendarView> versions() {
        return calendars.versions().stream().map(CalendarView::of).toList();
    }

    @Operation(summary = "Publish a new version of the working calendar (e.g. next year's holidays); open deadlines "
            + "are recomputed on it and each change is a DeadlinesChanged with change CALENDAR")
    @PutMapping("/api/calendar")
    CalendarView publish(@RequestBody CalendarDefinition definition,
            @RequestParam(defaultValue = "admin") String publishedBy) {
        CalendarView published = CalendarView.of(calendars.publish(definition, HotlineUser.subjectOr(publishedBy)));
        audit.record(null, "CALENDAR_PUBLISHED", "calendar@" + published.version(), null);
        return published;
    }

    @Operation(summary = "The deadline terms in force, per urgency and per kind or category")
    @GetMapping("/api/deadline-policy")
    Map<String, Map<String, String>> policy() {
        Map<String, Map<String, String>> table = new java.util.LinkedHashMap<>();
        policy.table().forEach((level, terms) -> {
            Map<String, String> row = new java.util.LinkedHashMap<>();
            terms.asMap().forEach((milestone, term) -> row.put(milestone, TermFormat.format(term)));
            table.put(level, row);
        });
        return table;
    }

    @ExceptionHandler(InvalidCalendarException.class)
    ProblemDetail invalid(InvalidCalendarException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
        problem.setTitle("Invalid calendar");
        problem.setProperty("errors", List.of(Map.of("field", ex.field(), "message", ex.getMessage())));
        return problem;
    }
}

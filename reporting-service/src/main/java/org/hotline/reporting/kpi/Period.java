package org.hotline.reporting.kpi;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A period of whole days in the reporting time zone, {@code from} inclusive and {@code to} exclusive. The API
 * accepts dates ({@code 2026-11-01}) or instants ({@code 2026-11-01T00:00:00Z}); an instant's day is the day it
 * falls in, and a {@code to} instant after midnight takes its whole day in.
 */
record Period(LocalDate from, LocalDate to) {

    /** How many days a query may span. */
    static final int MAX_DAYS = 3 * 366;

    static Period parse(String from, String to, ZoneId zone, Instant now) {
        LocalDate end = to == null || to.isBlank() ? now.atZone(zone).toLocalDate().plusDays(1) : day("to", to, zone,
                true);
        LocalDate start = from == null || from.isBlank() ? end.minusDays(30) : day("from", from, zone, false);
        if (!start.isBefore(end)) {
            throw badRequest("from", "from must be before to");
        }
        if (ChronoUnit.DAYS.between(start, end) > MAX_DAYS) {
            throw badRequest("to", "the period may span at most " + MAX_DAYS + " days");
        }
        return new Period(start, end);
    }

    /** The period of the same length just before this one. */
    Period previous() {
        long days = ChronoUnit.DAYS.between(from, to);
        return new Period(from.minusDays(days), from);
    }

    private static LocalDate day(String name, String value, ZoneId zone, boolean roundUp) {
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value);
            }
            ZonedDateTime at = Instant.parse(value).atZone(zone);
            LocalDate date = at.toLocalDate();
            return roundUp && !at.toLocalTime().equals(LocalTime.MIDNIGHT) ? date.plusDays(1) : date;
        }
        catch (DateTimeException ex) {
            throw badRequest(name, name + " must be a date (2026-11-01) or an instant (2026-11-01T00:00:00Z)");
        }
    }

    static ErrorResponseException badRequest(String parameter, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid parameter " + parameter);
        problem.setProperty("parameter", parameter);
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }
}

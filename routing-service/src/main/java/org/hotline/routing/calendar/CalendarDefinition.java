package org.hotline.routing.calendar;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.hotline.events.calendar.WorkingCalendar;
import org.hotline.events.calendar.WorkingCalendar.WorkingPeriod;

/**
 * A working calendar as configuration and the admin API write it: a time zone, working periods such as
 * {@code 09:00-12:00}, weekend days, public holidays and make-up working days (調休) as ISO dates.
 */
public record CalendarDefinition(String zone, List<String> workingHours, List<String> weekend, List<String> holidays,
        List<String> makeUpWorkdays) {

    public CalendarDefinition {
        workingHours = workingHours == null ? List.of() : List.copyOf(workingHours);
        weekend = weekend == null ? List.of() : List.copyOf(weekend);
        holidays = holidays == null ? List.of() : List.copyOf(holidays);
        makeUpWorkdays = makeUpWorkdays == null ? List.of() : List.copyOf(makeUpWorkdays);
    }

    /** A field that cannot be read, and why. */
    public static final class InvalidCalendarException extends IllegalArgumentException {

        private final String field;

        InvalidCalendarException(String field, String reason) {
            super(field + ": " + reason);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /** The calendar this defines. */
    public WorkingCalendar toCalendar() {
        ZoneId zoneId;
        try {
            zoneId = ZoneId.of(zone == null ? "" : zone);
        }
        catch (DateTimeException ex) {
            throw new InvalidCalendarException("zone", "'" + zone + "' is not a time zone such as Asia/Shanghai");
        }
        if (workingHours.isEmpty()) {
            throw new InvalidCalendarException("workingHours", "give at least one period such as 09:00-12:00");
        }
        List<WorkingPeriod> periods = new ArrayList<>();
        for (String text : workingHours) {
            String[] parts = text == null ? new String[0] : text.split("-");
            try {
                if (parts.length != 2) {
                    throw new IllegalArgumentException("write HH:mm-HH:mm");
                }
                periods.add(new WorkingPeriod(LocalTime.parse(parts[0].trim()), LocalTime.parse(parts[1].trim())));
            }
            catch (DateTimeParseException | IllegalArgumentException ex) {
                throw new InvalidCalendarException("workingHours", "'" + text + "' is not a period such as "
                        + "09:00-12:00 (" + ex.getMessage() + ")");
            }
        }
        periods.sort((a, b) -> a.start().compareTo(b.start()));
        for (int i = 1; i < periods.size(); i++) {
            if (periods.get(i).start().isBefore(periods.get(i - 1).end())) {
                throw new InvalidCalendarException("workingHours", "periods overlap: " + periods.get(i - 1).start()
                        + "-" + periods.get(i - 1).end() + " and " + periods.get(i).start() + "-" + periods.get(i).end());
            }
        }
        Set<DayOfWeek> weekendDays = new HashSet<>();
        for (String day : weekend) {
            try {
                weekendDays.add(DayOfWeek.valueOf(day.trim().toUpperCase(Locale.ROOT)));
            }
            catch (RuntimeException ex) {
                throw new InvalidCalendarException("weekend", "'" + day + "' is not a day such as SATURDAY");
            }
        }
        Set<LocalDate> holidayDates = dates("holidays", holidays);
        Set<LocalDate> makeUp = dates("makeUpWorkdays", makeUpWorkdays);
        for (LocalDate date : makeUp) {
            if (holidayDates.contains(date)) {
                throw new InvalidCalendarException("makeUpWorkdays", date + " is also a holiday");
            }
        }
        WorkingCalendar calendar = new WorkingCalendar(zoneId, periods, weekendDays, holidayDates, makeUp);
        if (weekendDays.size() == 7 && makeUp.isEmpty()) {
            throw new InvalidCalendarException("weekend", "a calendar with no working day");
        }
        return calendar;
    }

    /** The definition of a calendar, e.g. to show it. */
    public static CalendarDefinition of(WorkingCalendar calendar) {
        return new CalendarDefinition(calendar.zone().getId(),
                calendar.periods().stream().map(p -> p.start() + "-" + p.end()).toList(),
                calendar.weekend().stream().sorted().map(DayOfWeek::name).toList(),
                calendar.holidays().stream().sorted().map(LocalDate::toString).toList(),
                calendar.makeUpWorkdays().stream().sorted().map(LocalDate::toString).toList());
    }

    private static Set<LocalDate> dates(String field, List<String> texts) {
        Set<LocalDate> dates = new HashSet<>();
        for (String text : texts) {
            try {
                dates.add(LocalDate.parse(text == null ? "" : text.trim()));
            }
            catch (DateTimeParseException ex) {
                throw new InvalidCalendarException(field, "'" + text + "' is not an ISO date such as 2026-10-01");
            }
        }
        return dates;
    }
}

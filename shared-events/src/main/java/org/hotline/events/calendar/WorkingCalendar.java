package org.hotline.events.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * The hotline's working time: working periods of a day, weekends, public holidays and make-up working days
 * (調休), in one time zone. Deadlines in working hours or working days are computed on it. The definition travels in
 * {@link CalendarPublished} so that every service computes the same working time.
 */
public record WorkingCalendar(ZoneId zone, List<WorkingPeriod> periods, Set<DayOfWeek> weekend,
        Set<LocalDate> holidays, Set<LocalDate> makeUpWorkdays) {

    /** A period of a working day, e.g. 09:00–12:00. */
    public record WorkingPeriod(LocalTime start, LocalTime end) {

        public WorkingPeriod {
            if (!end.isAfter(start)) {
                throw new IllegalArgumentException("A working period must end after it starts: " + start + "–" + end);
            }
        }
    }

    public WorkingCalendar {
        periods = periods.stream().sorted((a, b) -> a.start().compareTo(b.start())).toList();
        if (periods.isEmpty()) {
            throw new IllegalArgumentException("A calendar needs at least one working period");
        }
        weekend = Set.copyOf(weekend);
        holidays = Set.copyOf(holidays);
        makeUpWorkdays = Set.copyOf(makeUpWorkdays);
    }

    /** Asia/Shanghai, 09:00–12:00 and 13:30–18:00, Saturday and Sunday off, no holidays configured. */
    public static WorkingCalendar standard() {
        return new WorkingCalendar(ZoneId.of("Asia/Shanghai"),
                List.of(new WorkingPeriod(LocalTime.of(9, 0), LocalTime.of(12, 0)),
                        new WorkingPeriod(LocalTime.of(13, 30), LocalTime.of(18, 0))),
                Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), Set.of(), Set.of());
    }

    public boolean isWorkingDay(LocalDate date) {
        if (holidays.contains(date)) {
            return false;
        }
        return makeUpWorkdays.contains(date) || !weekend.contains(date.getDayOfWeek());
    }

    /** The instant when {@code amount} of working time has passed after {@code start}. */
    public Instant plusWorkingTime(Instant start, Duration amount) {
        LocalDateTime cursor = LocalDateTime.ofInstant(start, zone);
        Duration remaining = amount;
        LocalDate day = cursor.toLocalDate();
        for (int guard = 0; guard < 3660; guard++, day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            for (WorkingPeriod period : periods) {
                LocalDateTime periodStart = day.atTime(period.start());
                LocalDateTime periodEnd = day.atTime(period.end());
                LocalDateTime from = cursor.isAfter(periodStart) ? cursor : periodStart;
                if (!from.isBefore(periodEnd)) {
                    continue;
                }
                Duration available = Duration.between(from, periodEnd);
                if (remaining.compareTo(available) <= 0) {
                    return from.plus(remaining).atZone(zone).toInstant();
                }
                remaining = remaining.minus(available);
            }
        }
        throw new IllegalStateException("No working time within ten years: check the calendar");
    }

    /**
     * The end of the {@code days}-th working day after the day of {@code start}: "within 5 working days" of a
     * Monday-morning case is Monday of the next week at the end of the working day.
     */
    public Instant plusWorkingDays(Instant start, int days) {
        LocalDate day = LocalDate.ofInstant(start, zone);
        int counted = 0;
        for (int guard = 0; counted < days; guard++) {
            if (guard > 3660) {
                throw new IllegalStateException("No working day within ten years: check the calendar");
            }
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day.atTime(periods.get(periods.size() - 1).end()).atZone(zone).toInstant();
    }

    /** Whether {@code instant} falls inside a working period of a working day. */
    public boolean isWorkingTime(Instant instant) {
        LocalDateTime local = LocalDateTime.ofInstant(instant, zone);
        if (!isWorkingDay(local.toLocalDate())) {
            return false;
        }
        LocalTime time = local.toLocalTime();
        return periods.stream().anyMatch(period -> !time.isBefore(period.start()) && time.isBefore(period.end()));
    }

    /** {@code instant} itself if it is working time, otherwise the start of the next working period. */
    public Instant nextWorkingInstant(Instant instant) {
        if (isWorkingTime(instant)) {
            return instant;
        }
        LocalDateTime cursor = LocalDateTime.ofInstant(instant, zone);
        LocalDate day = cursor.toLocalDate();
        for (int guard = 0; guard < 3660; guard++, day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            for (WorkingPeriod period : periods) {
                LocalDateTime periodStart = day.atTime(period.start());
                if (!periodStart.isBefore(cursor)) {
                    return periodStart.atZone(zone).toInstant();
                }
            }
        }
        throw new IllegalStateException("No working time within ten years: check the calendar");
    }

    /** The working time between two instants (zero if {@code to} is not after {@code from}). */
    public Duration workingTimeBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        LocalDateTime start = LocalDateTime.ofInstant(from, zone);
        LocalDateTime end = LocalDateTime.ofInstant(to, zone);
        Duration total = Duration.ZERO;
        for (LocalDate day = start.toLocalDate(); !day.isAfter(end.toLocalDate()); day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            for (WorkingPeriod period : periods) {
                LocalDateTime a = max(day.atTime(period.start()), start);
                LocalDateTime b = min(day.atTime(period.end()), end);
                if (b.isAfter(a)) {
                    total = total.plus(Duration.between(a, b));
                }
            }
        }
        return total;
    }

    private static LocalDateTime max(LocalDateTime a, LocalDateTime b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDateTime min(LocalDateTime a, LocalDateTime b) {
        return a.isBefore(b) ? a : b;
    }
}

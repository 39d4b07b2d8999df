package org.hotline.routing.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Set;

import org.junit.jupiter.api.Test;

class WorkingCalendarTests {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    @Test
    void whenWorkingHoursCrossTheLunchBreakThenTheBreakIsSkipped() {
        WorkingCalendar calendar = WorkingCalendar.standard();
        // Monday 11:00 + 2 working hours: 11:00–12:00, then 13:30–14:30
        assertThat(calendar.plusWorkingTime(at("2026-11-23T11:00"), Duration.ofHours(2)))
                .isEqualTo(at("2026-11-23T14:30"));
    }

    @Test
    void whenWorkingHoursRunPastFridayEveningThenTheyContinueOnMonday() {
        WorkingCalendar calendar = WorkingCalendar.standard();
        assertThat(calendar.plusWorkingTime(at("2026-11-27T17:00"), Duration.ofHours(2)))
                .isEqualTo(at("2026-11-30T10:00"));
    }

    @Test
    void whenACaseArrivesAtNightThenTheClockStartsNextMorning() {
        WorkingCalendar calendar = WorkingCalendar.standard();
        assertThat(calendar.plusWorkingTime(at("2026-11-23T22:15"), Duration.ofMinutes(30)))
                .isEqualTo(at("2026-11-24T09:30"));
    }

    @Test
    void whenWorkingDaysSpanAHolidayAndAMakeUpDayThenBothCount() {
        // National Day week: 1–7 October off, Saturday 10 October a make-up working day
        Set<LocalDate> holidays = Set.of(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-02"),
                LocalDate.parse("2026-10-05"), LocalDate.parse("2026-10-06"), LocalDate.parse("2026-10-07"));
        WorkingCalendar calendar = new WorkingCalendar(SHANGHAI, WorkingCalendar.standard().periods(),
                Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), holidays, Set.of(LocalDate.parse("2026-10-10")));

        // Wednesday 30 September + 3 working days: Thursday 8, Friday 9, Saturday 10 (make-up day)
        assertThat(calendar.plusWorkingDays(at("2026-09-30T10:00"), 3)).isEqualTo(at("2026-10-10T18:00"));
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-05"))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-10"))).isTrue();
    }

    @Test
    void whenTheTermIsInClockHoursThenNightsAndWeekendsCount() {
        assertThat(Term.clockHours(2).from(at("2026-11-28T23:00"), WorkingCalendar.standard()))
                .isEqualTo(at("2026-11-29T01:00"));
    }
}

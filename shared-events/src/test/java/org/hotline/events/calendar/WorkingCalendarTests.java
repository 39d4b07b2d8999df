package org.hotline.events.calendar;

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

    @Test
    void whenANoticeFallsDueOnASundayNightThenTheNextWorkingInstantIsMondayMorning() {
        WorkingCalendar calendar = WorkingCalendar.standard();
        assertThat(calendar.nextWorkingInstant(at("2026-11-29T00:00"))).isEqualTo(at("2026-11-30T09:00"));
        assertThat(calendar.nextWorkingInstant(at("2026-11-30T12:15"))).isEqualTo(at("2026-11-30T13:30"));
        assertThat(calendar.nextWorkingInstant(at("2026-11-30T10:00"))).isEqualTo(at("2026-11-30T10:00"));
        assertThat(calendar.isWorkingTime(at("2026-11-30T12:00"))).isFalse();
        assertThat(calendar.isWorkingTime(at("2026-11-30T11:59"))).isTrue();
    }

    @Test
    void whenAPauseSpansLunchAndANightThenOnlyWorkingTimeIsCounted() {
        WorkingCalendar calendar = WorkingCalendar.standard();
        // Monday 11:00 → Tuesday 10:00: 1 h + 4.5 h on Monday, 1 h on Tuesday
        assertThat(calendar.workingTimeBetween(at("2026-11-23T11:00"), at("2026-11-24T10:00")))
                .isEqualTo(Duration.ofMinutes(390));
        assertThat(calendar.workingTimeBetween(at("2026-11-24T10:00"), at("2026-11-23T11:00")))
                .isEqualTo(Duration.ZERO);
        // Friday 17:00 → Monday 09:30 over the weekend: 1 h + 0.5 h
        assertThat(calendar.workingTimeBetween(at("2026-11-27T17:00"), at("2026-11-30T09:30")))
                .isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void whenWorkingTimeIsAddedThenTheWorkingTimeBetweenGivesItBack() {
        WorkingCalendar calendar = WorkingCalendar.standard();
        Instant start = at("2026-11-26T16:45");
        for (long minutes : new long[] { 1, 75, 240, 450, 3000 }) {
            Instant end = calendar.plusWorkingTime(start, Duration.ofMinutes(minutes));
            assertThat(calendar.workingTimeBetween(start, end)).isEqualTo(Duration.ofMinutes(minutes));
        }
    }
}

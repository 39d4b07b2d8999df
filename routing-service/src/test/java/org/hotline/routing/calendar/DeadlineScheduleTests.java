package org.hotline.routing.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hotline.events.CaseKind;
import org.hotline.events.Urgency;
import org.hotline.events.calendar.WorkingCalendar;
import org.hotline.events.calendar.WorkingCalendar.WorkingPeriod;
import org.hotline.events.routing.Deadlines;
import org.hotline.routing.calendar.DeadlineSchedule.Extension;
import org.hotline.routing.calendar.DeadlineSchedule.Pause;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Deadlines of the default policy on a 2026 calendar: National Day week 1–7 October off with Saturday 10 October a
 * make-up working day (調休), New Year's Day 2027 off, working hours 09:00–12:00 and 13:30–18:00 Beijing time.
 */
class DeadlineScheduleTests {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    static final WorkingCalendar CALENDAR = new WorkingCalendar(BEIJING,
            List.of(new WorkingPeriod(LocalTime.of(9, 0), LocalTime.of(12, 0)),
                    new WorkingPeriod(LocalTime.of(13, 30), LocalTime.of(18, 0))),
            Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
            Set.of(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-02"), LocalDate.parse("2026-10-03"),
                    LocalDate.parse("2026-10-04"), LocalDate.parse("2026-10-05"), LocalDate.parse("2026-10-06"),
                    LocalDate.parse("2026-10-07"), LocalDate.parse("2027-01-01")),
            Set.of(LocalDate.parse("2026-10-10")));

    static final DeadlinePolicy POLICY = DeadlinePolicy.defaults();

    static Instant at(String beijingTime) {
        return LocalDateTime.parse(beijingTime).atZone(BEIJING).toInstant();
    }

    static Deadlines normal(CaseKind kind, String assignedAt) {
        return DeadlineSchedule.compute(POLICY.termsFor(kind, Urgency.NORMAL, "POLICY", null), at(assignedAt),
                at(assignedAt), CALENDAR, List.of());
    }

    @Nested
    class WorkingTime {

        @Test
        void whenAssignedMondayMorningThenEachMilestoneFallsOnTheWorkingCalendar() {
            Deadlines d = normal(CaseKind.CONSULTATION, "2026-11-23T10:00");

            assertThat(d.acceptBy()).isEqualTo(at("2026-11-23T12:00"));
            assertThat(d.onSiteBy()).isNull();
            assertThat(d.handleBy()).isEqualTo(at("2026-11-24T18:00"));
            assertThat(d.resolveBy()).isEqualTo(at("2026-11-30T18:00"));
            assertThat(d.replyBy()).isEqualTo(at("2026-12-02T18:00"));
            assertThat(d.callbackBy()).isEqualTo(at("2026-12-07T18:00"));
        }

        @Test
        void whenTheAcceptanceTermSpansLunchThenTheBreakDoesNotCount() {
            assertThat(normal(CaseKind.CONSULTATION, "2026-11-23T11:00").acceptBy())
                    .isEqualTo(at("2026-11-23T14:30"));
        }

        @Test
        void whenAssignedDuringLunchThenTheClockStartsAtHalfPastOne() {
            assertThat(normal(CaseKind.CONSULTATION, "2026-11-23T12:45").acceptBy())
                    .isEqualTo(at("2026-11-23T15:30"));
        }

        @Test
        void whenAssignedFridayAfternoonThenTheWeekendDoesNotCount() {
            Deadlines d = normal(CaseKind.CONSULTATION, "2026-11-27T17:00");

            assertThat(d.acceptBy()).isEqualTo(at("2026-11-30T10:00"));
            assertThat(d.resolveBy()).isEqualTo(at("2026-12-04T18:00"));
        }

        @Test
        void whenAssignedBeforeTheHolidayWeekThenTheWholeWeekIsSkippedAndTheMakeUpSaturdayCounts() {
            Deadlines d = normal(CaseKind.CONSULTATION, "2026-09-30T17:00");

            assertThat(d.acceptBy()).isEqualTo(at("2026-10-08T10:00"));
            assertThat(d.handleBy()).isEqualTo(at("2026-10-08T18:00"));
            // 8 Oct, 9 Oct, Saturday 10 Oct (make-up day), 12 Oct, 13 Oct
            assertThat(d.resolveBy()).isEqualTo(at("2026-10-13T18:00"));
        }

        @Test
        void whenAssignedFridayBeforeTheMakeUpSaturdayThenSaturdayIsWorkingTime() {
            assertThat(normal(CaseKind.CONSULTATION, "2026-10-09T17:00").acceptBy())
                    .isEqualTo(at("2026-10-10T10:00"));
        }

        @Test
        void whenAssignedOnTheMakeUpSaturdayThenItsOwnWorkingHoursCount() {
            assertThat(normal(CaseKind.CONSULTATION, "2026-10-10T09:00").acceptBy())
                    .isEqualTo(at("2026-10-10T11:00"));
        }

        @Test
        void whenAssignedOnNewYearsEveThenNewYearsDayAndTheWeekendAreSkipped() {
            Deadlines d = normal(CaseKind.CONSULTATION, "2026-12-31T16:30");

            assertThat(d.acceptBy()).isEqualTo(at("2027-01-04T09:30"));
            assertThat(d.resolveBy()).isEqualTo(at("2027-01-08T18:00"));
        }

        @Test
        void whenOpenedOnASundayNightThenTheClockStartsMondayMorning() {
            Deadlines d = normal(CaseKind.CONSULTATION, "2026-11-22T22:00");

            assertThat(d.acceptBy()).isEqualTo(at("2026-11-23T11:00"));
            assertThat(d.resolveBy()).isEqualTo(at("2026-11-27T18:00"));
        }

        @Test
        void whenOpenedOnAWeekdayEveningThenTheClockStartsNextMorning() {
            assertThat(normal(CaseKind.CONSULTATION, "2026-11-23T20:00").acceptBy())
                    .isEqualTo(at("2026-11-24T11:00"));
        }

        @Test
        void whenOpenedDuringTheHolidayThenTheClockStartsAfterIt() {
            assertThat(normal(CaseKind.CONSULTATION, "2026-10-03T10:00").acceptBy())
                    .isEqualTo(at("2026-10-08T11:00"));
        }
    }

    @Nested
    class ClockTerms {

        @Test
        void whenAnEmergencyIsOpenedOnASaturdayNightThenItsClockRunsAroundTheClock() {
            Instant start = at("2026-11-28T03:00");
            Deadlines d = DeadlineSchedule.compute(POLICY.termsFor(CaseKind.HELP_REQUEST, Urgency.EMERGENCY,
                    "OTHER", "EMERGENCY"), start, start, CALENDAR, List.of());

            assertThat(d.acceptBy()).isEqualTo(at("2026-11-28T03:15"));
            assertThat(d.onSiteBy()).isEqualTo(at("2026-11-28T04:00"));
            assertThat(d.handleBy()).isEqualTo(at("2026-11-28T03:30"));
            assertThat(d.resolveBy()).isEqualTo(at("2026-11-28T05:00"));
            assertThat(d.replyBy()).isEqualTo(at("2026-11-28T05:00"));
            assertThat(d.callbackBy()).as("from the reply deadline").isEqualTo(at("2026-11-29T05:00"));
        }

        @Test
        void whenAComplaintIsAssignedFridayEveningThenItsOnSiteDeadlineIsTwentyFourClockHours() {
            Deadlines d = normal(CaseKind.COMPLAINT, "2026-11-27T17:00");

            assertThat(d.onSiteBy()).isEqualTo(at("2026-11-28T17:00"));
            assertThat(d.acceptBy()).isEqualTo(at("2026-11-30T10:00"));
        }

        @Test
        void whenWaterPowerGasOrHeatingThenTheCallerHearsBackWithinTwentyFourHours() {
            Instant start = at("2026-11-27T17:00");
            Deadlines d = DeadlineSchedule.compute(POLICY.termsFor(CaseKind.COMPLAINT, Urgency.NORMAL, "LIVING",
                    "UTILITIES"), start, start, CALENDAR, List.of());

            assertThat(d.replyBy()).isEqualTo(at("2026-11-28T17:00"));
            assertThat(d.onSiteBy()).isEqualTo(at("2026-11-28T17:00"));
            assertThat(d.acceptBy()).isEqualTo(at("2026-11-27T18:00"));
        }

        @Test
        void whenAComplexCaseIsAssignedThenItHasFifteenWorkingDaysToReply() {
            Instant start = at("2026-11-23T10:00");
            Deadlines d = DeadlineSchedule.compute(POLICY.termsFor(CaseKind.SUGGESTION, Urgency.COMPLEX, "POLICY",
                    null), start, start, CALENDAR, List.of());

            assertThat(d.acceptBy()).isEqualTo(at("2026-11-23T15:30"));
            assertThat(d.resolveBy()).isEqualTo(at("2026-12-09T18:00"));
            assertThat(d.replyBy()).isEqualTo(at("2026-12-14T18:00"));
        }
    }

    @Nested
    class DepartmentClocks {

        @Test
        void whenASecondDepartmentIsAssignedAfterABounceThenItsClockStartsAtItsOwnAssignmentButTheCallersPromiseDoesNot() {
            Terms terms = POLICY.termsFor(CaseKind.CONSULTATION, Urgency.NORMAL, "POLICY", null);
            Deadlines second = DeadlineSchedule.compute(terms, at("2026-11-25T10:00"), at("2026-11-23T10:00"),
                    CALENDAR, List.of());

            assertThat(second.acceptBy()).isEqualTo(at("2026-11-25T12:00"));
            assertThat(second.resolveBy()).isEqualTo(at("2026-12-02T18:00"));
            assertThat(second.replyBy()).isEqualTo(at("2026-12-02T18:00"));
        }

        @Test
        void whenTheCaseWaitsOnTheCallerThenDeadlinesStillAheadMoveByThePausedWorkingTime() {
            Terms terms = POLICY.termsFor(CaseKind.CONSULTATION, Urgency.NORMAL, "POLICY", null);
            // paused Tue 17:00 to Wed 10:00: one working hour each day
            Deadlines d = DeadlineSchedule.compute(terms, at("2026-11-23T10:00"), at("2026-11-23T10:00"), CALENDAR,
                    List.of(new Pause(at("2026-11-24T17:00"), at("2026-11-25T10:00"))));

            assertThat(d.acceptBy()).as("already passed when the clock stopped").isEqualTo(at("2026-11-23T12:00"));
            assertThat(d.resolveBy()).isEqualTo(at("2026-12-01T11:00"));
            assertThat(d.replyBy()).isEqualTo(at("2026-12-03T11:00"));
            assertThat(d.callbackBy()).isEqualTo(at("2026-12-08T18:00"));
        }

        @Test
        void whenThePauseIsOutsideWorkingHoursThenNothingMoves() {
            Terms terms = POLICY.termsFor(CaseKind.CONSULTATION, Urgency.NORMAL, "POLICY", null);
            Deadlines paused = DeadlineSchedule.compute(terms, at("2026-11-23T10:00"), at("2026-11-23T10:00"),
                    CALENDAR, List.of(new Pause(at("2026-11-27T18:30"), at("2026-11-30T08:30"))));

            assertThat(paused).isEqualTo(normal(CaseKind.CONSULTATION, "2026-11-23T10:00"));
        }

        @Test
        void whenAnEmergencyWaitsThenItsClockDeadlinesMoveByTheClockTime() {
            Instant start = at("2026-11-28T03:00");
            Deadlines d = DeadlineSchedule.compute(POLICY.termsFor(CaseKind.HELP_REQUEST, Urgency.EMERGENCY, null,
                    null), start, start, CALENDAR, List.of(new Pause(at("2026-11-28T03:20"),
                            at("2026-11-28T03:50"))));

            assertThat(d.acceptBy()).isEqualTo(at("2026-11-28T03:15"));
            assertThat(d.onSiteBy()).isEqualTo(at("2026-11-28T04:30"));
            assertThat(d.resolveBy()).isEqualTo(at("2026-11-28T05:30"));
        }

        @Test
        void whenAnExtensionIsGrantedThenResolutionMovesAndTheReplyFollowsIfItWasEarlier() {
            Terms terms = POLICY.termsFor(CaseKind.CONSULTATION, Urgency.NORMAL, "POLICY", null);
            Deadlines d = DeadlineSchedule.compute(terms, at("2026-11-23T10:00"), at("2026-11-23T10:00"), CALENDAR,
                    List.of(new Extension(at("2026-11-26T10:00"), at("2026-12-04T18:00"))));

            assertThat(d.resolveBy()).isEqualTo(at("2026-12-04T18:00"));
            assertThat(d.replyBy()).isEqualTo(at("2026-12-04T18:00"));
            assertThat(d.callbackBy()).isEqualTo(at("2026-12-09T18:00"));
        }

        @Test
        void whenAPauseFollowsAnExtensionThenTheExtendedDeadlineMovesToo() {
            Terms terms = POLICY.termsFor(CaseKind.CONSULTATION, Urgency.NORMAL, "POLICY", null);
            Deadlines d = DeadlineSchedule.compute(terms, at("2026-11-23T10:00"), at("2026-11-23T10:00"), CALENDAR,
                    List.of(new Pause(at("2026-11-27T09:00"), at("2026-11-27T10:00")),
                            new Extension(at("2026-11-26T10:00"), at("2026-12-04T18:00"))));

            assertThat(d.resolveBy()).isEqualTo(at("2026-12-07T10:00"));
        }

        @Test
        void whenTheCalendarGainsAHolidayThenTheSameFactsGiveALaterDeadline() {
            Terms terms = POLICY.termsFor(CaseKind.CONSULTATION, Urgency.NORMAL, "POLICY", null);
            WorkingCalendar withHoliday = new WorkingCalendar(BEIJING, CALENDAR.periods(), CALENDAR.weekend(),
                    Set.of(LocalDate.parse("2026-11-26")), Set.of());

            Deadlines before = DeadlineSchedule.compute(terms, at("2026-11-23T10:00"), at("2026-11-23T10:00"),
                    CALENDAR, List.of());
            Deadlines after = DeadlineSchedule.compute(terms, at("2026-11-23T10:00"), at("2026-11-23T10:00"),
                    withHoliday, List.of());

            assertThat(after.resolveBy()).isEqualTo(at("2026-12-01T18:00"));
            assertThat(after.resolveBy()).isAfter(before.resolveBy());
            assertThat(DeadlineSchedule.compute(terms, at("2026-11-23T10:00"), at("2026-11-23T10:00"), withHoliday,
                    List.of())).as("deterministic").isEqualTo(after);
        }
    }

    @Nested
    class Policy {

        @Test
        void whenConfigurationOverridesAMilestoneThenOnlyThatOneChanges() {
            DeadlinePolicy policy = DeadlinePolicy.configured(Map.of("NORMAL", Map.of("resolve", "4 working-days")),
                    Map.of("NORMAL", Map.of("COMPLAINT", Map.of("on-site", "12 clock-hours"))),
                    Map.of("NORMAL", Map.of("WORK/SAFETY", Map.of("accept", "30 clock-minutes"))));

            Terms consultation = policy.termsFor(CaseKind.CONSULTATION, Urgency.NORMAL, "POLICY", null);
            assertThat(TermFormat.format(consultation.resolve())).isEqualTo("4 working-days");
            assertThat(TermFormat.format(consultation.accept())).isEqualTo("2 working-hours");
            assertThat(TermFormat.format(policy.termsFor(CaseKind.COMPLAINT, Urgency.NORMAL, "POLICY", null)
                    .onSite())).isEqualTo("12 clock-hours");
            Terms safetyComplaint = policy.termsFor(CaseKind.COMPLAINT, Urgency.NORMAL, "WORK", "SAFETY");
            assertThat(TermFormat.format(safetyComplaint.accept())).isEqualTo("30 clock-minutes");
            assertThat(TermFormat.format(safetyComplaint.onSite())).as("complaints keep their on-site term")
                    .isEqualTo("12 clock-hours");
        }

        @Test
        void whenAMilestoneIsSetToNoneThenItHasNoDeadline() {
            DeadlinePolicy policy = DeadlinePolicy.configured(Map.of("NORMAL", Map.of("callback", "none")), Map.of(),
                    Map.of());

            Instant start = at("2026-11-23T10:00");
            assertThat(DeadlineSchedule.compute(policy.termsFor(CaseKind.OTHER, Urgency.NORMAL, null, null), start,
                    start, CALENDAR, List.of()).callbackBy()).isNull();
        }

        @Test
        void whenAnOverrideCannotBeReadThenTheErrorNamesWhere() {
            org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                    .isThrownBy(() -> DeadlinePolicy.configured(Map.of("NORMAL", Map.of("resolve", "5 weeks")),
                            Map.of(), Map.of()))
                    .withMessageContaining("urgency NORMAL").withMessageContaining("resolve");
            org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                    .isThrownBy(() -> DeadlinePolicy.configured(Map.of("NORMAL", Map.of("lunch", "1 clock-hours")),
                            Map.of(), Map.of()))
                    .withMessageContaining("Unknown milestone 'lunch'");
            org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                    .isThrownBy(() -> DeadlinePolicy.configured(Map.of(), Map.of("NORMAL", Map.of("GRIPE", Map.of())),
                            Map.of()))
                    .withMessageContaining("Unknown kind 'GRIPE'");
        }

        @Test
        void whenTermsAreWrittenThenTheyReadBack() {
            for (String text : List.of("2 working-hours", "7 working-days", "24 clock-hours", "15 clock-minutes")) {
                assertThat(TermFormat.format(TermFormat.parse(text))).isEqualTo(text);
            }
            assertThat(TermFormat.parse("none")).isNull();
        }
    }
}

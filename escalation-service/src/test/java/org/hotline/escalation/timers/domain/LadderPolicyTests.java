package org.hotline.escalation.timers.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.hotline.events.calendar.WorkingCalendar;
import org.hotline.events.escalation.EscalationLevel;
import org.junit.jupiter.api.Test;

class LadderPolicyTests {

    static final WorkingCalendar CALENDAR = WorkingCalendar.standard();
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
    }

    @Test
    void whenAWorkingHourWindowIsLadderedThenEveryLevelHasAStepInWorkingTime() {
        LadderPolicy policy = new LadderPolicy(0.8, Duration.ofHours(2), Duration.ofHours(8));

        // Friday 09:00 → 17:00: 6.5 working hours, 80 % = 5 h 12 min
        List<Step> steps = policy.steps(at("2026-11-27T09:00"), at("2026-11-27T17:00"), ClockKind.WORKING_HOURS,
                CALENDAR);

        assertThat(steps).containsExactly(
                new Step(EscalationLevel.REMINDER, at("2026-11-27T15:42")),
                new Step(EscalationLevel.OVERDUE, at("2026-11-27T17:00")),
                // 1 h left on Friday, 1 h on Monday morning
                new Step(EscalationLevel.SUPERVISOR, at("2026-11-30T10:00")),
                // 1 h on Friday, then 7 h of Monday: 3 h in the morning, 4 h from 13:30
                new Step(EscalationLevel.LEADERSHIP, at("2026-11-30T17:30")));
    }

    @Test
    void whenADeadlineFallsOutsideWorkingTimeThenItsNoticeMovesToTheNextWorkingStart() {
        LadderPolicy policy = new LadderPolicy(null, null, null);

        List<Step> steps = policy.steps(at("2026-11-27T09:00"), at("2026-11-29T00:00"), ClockKind.WORKING_HOURS,
                CALENDAR);

        assertThat(steps).containsExactly(new Step(EscalationLevel.OVERDUE, at("2026-11-30T09:00")));
    }

    @Test
    void whenAnEmergencyClockIsLadderedThenStepsRunAroundTheClock() {
        LadderPolicy policy = new LadderPolicy(0.5, Duration.ofMinutes(30), Duration.ofHours(1));

        List<Step> steps = policy.steps(at("2026-11-29T00:00"), at("2026-11-29T02:00"), ClockKind.AROUND_THE_CLOCK,
                CALENDAR);

        assertThat(steps).extracting(Step::at).containsExactly(at("2026-11-29T01:00"), at("2026-11-29T02:00"),
                at("2026-11-29T02:30"), at("2026-11-29T03:00"));
    }

    @Test
    void whenTheReminderShareIsOutOfRangeThenThePolicyIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new LadderPolicy(1.2, null, null));
        assertThatIllegalArgumentException().isThrownBy(() -> new LadderPolicy(0.8, Duration.ofHours(-1), null));
    }

    @Test
    void whenRecipientsAreAskedThenTheDepartmentPlaceholderNamesTheDepartment() {
        EscalationPolicy policy = new EscalationPolicy(null, null, Duration.ofMinutes(15),
                List.of("COMMAND_CENTER", "LEADERSHIP"));

        assertThat(policy.recipients(EscalationLevel.SUPERVISOR, "WATER"))
                .containsExactly("SUPERVISOR", "DEPARTMENT:WATER");
        assertThat(policy.emergencyRecipients(0)).containsExactly("COMMAND_CENTER");
        assertThat(policy.emergencyRecipients(5)).containsExactly("COMMAND_CENTER", "LEADERSHIP");
        assertThat(policy.emergencyRepeatAt(at("2026-11-29T00:00"), 2)).isEqualTo(at("2026-11-29T00:30"));
    }
}

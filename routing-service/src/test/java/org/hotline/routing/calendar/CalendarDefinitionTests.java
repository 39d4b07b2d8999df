package org.hotline.routing.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.hotline.events.calendar.WorkingCalendar;
import org.hotline.routing.calendar.CalendarDefinition.InvalidCalendarException;
import org.junit.jupiter.api.Test;

class CalendarDefinitionTests {

    static CalendarDefinition definition(String zone, List<String> hours, List<String> holidays,
            List<String> makeUp) {
        return new CalendarDefinition(zone, hours, List.of("SATURDAY", "SUNDAY"), holidays, makeUp);
    }

    @Test
    void whenTheDefinitionIsValidThenItBecomesTheCalendarAndReadsBack() {
        CalendarDefinition definition = definition("Asia/Shanghai", List.of("13:30-18:00", "09:00-12:00"),
                List.of("2027-01-01"), List.of("2026-10-10"));

        WorkingCalendar calendar = definition.toCalendar();

        assertThat(calendar.isWorkingDay(LocalDate.parse("2027-01-01"))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-10"))).isTrue();
        assertThat(CalendarDefinition.of(calendar).workingHours()).containsExactly("09:00-12:00", "13:30-18:00");
    }

    @Test
    void whenAFieldIsWrongThenTheErrorNamesIt() {
        assertField(definition("Mars/Olympus", List.of("09:00-12:00"), List.of(), List.of()), "zone");
        assertField(definition("UTC", List.of("9 to 12"), List.of(), List.of()), "workingHours");
        assertField(definition("UTC", List.of("12:00-09:00"), List.of(), List.of()), "workingHours");
        assertField(definition("UTC", List.of("09:00-12:00", "11:00-14:00"), List.of(), List.of()), "workingHours");
        assertField(definition("UTC", List.of(), List.of(), List.of()), "workingHours");
        assertField(definition("UTC", List.of("09:00-12:00"), List.of("2026-02-30"), List.of()), "holidays");
        assertField(definition("UTC", List.of("09:00-12:00"), List.of("2026-10-10"), List.of("2026-10-10")),
                "makeUpWorkdays");
        assertField(new CalendarDefinition("UTC", List.of("09:00-12:00"), List.of("FUNDAY"), List.of(), List.of()),
                "weekend");
    }

    private static void assertField(CalendarDefinition definition, String field) {
        assertThatThrownBy(definition::toCalendar).isInstanceOf(InvalidCalendarException.class)
                .extracting(ex -> ((InvalidCalendarException) ex).field()).isEqualTo(field);
    }
}

package org.hotline.escalation.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import org.hotline.events.EventEnvelope;
import org.hotline.events.calendar.CalendarPublished;
import org.hotline.events.calendar.WorkingCalendar;
import org.junit.jupiter.api.Test;

class WorkingCalendarsTests {

    static CalendarPublished published(String calendarId, int version, LocalDate holiday) {
        WorkingCalendar standard = WorkingCalendar.standard();
        return new CalendarPublished(new EventEnvelope(UUID.randomUUID(), CalendarPublished.key(calendarId),
                Instant.parse("2026-11-23T00:00:00Z"), 1, "routing-service", null, null), calendarId, version,
                new WorkingCalendar(standard.zone(), standard.periods(), standard.weekend(), Set.of(holiday),
                        Set.of()));
    }

    @Test
    void whenNoCalendarWasPublishedThenTheStandardOneIsInForce() {
        assertThat(new WorkingCalendars("default").current()).isEqualTo(WorkingCalendar.standard());
    }

    @Test
    void whenVersionsArriveOutOfOrderThenTheHighestStaysInForce() {
        WorkingCalendars calendars = new WorkingCalendars("default");
        CalendarPublished v2 = published("default", 2, LocalDate.of(2026, 10, 1));

        calendars.published(v2);
        calendars.published(published("default", 1, LocalDate.of(2026, 5, 1)));

        assertThat(calendars.current()).isEqualTo(v2.calendar());
    }

    @Test
    void whenAnotherCalendarIsPublishedThenItIsIgnored() {
        WorkingCalendars calendars = new WorkingCalendars("default");

        calendars.published(published("city-b", 7, LocalDate.of(2026, 10, 1)));

        assertThat(calendars.current()).isEqualTo(WorkingCalendar.standard());
    }
}

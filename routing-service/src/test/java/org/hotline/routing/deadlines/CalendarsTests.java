package org.hotline.routing.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.hotline.routing.MovableClock;
import org.hotline.routing.calendar.CalendarDefinition;
import org.hotline.routing.config.RoutingProperties;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;

/** Two instances of routing on one store: each computes deadlines on a calendar snapshot never older than the TTL. */
class CalendarsTests {

    static final Duration TTL = Duration.ofSeconds(5);
    static final LocalDate HOLIDAY = LocalDate.parse("2026-12-01");

    final MovableClock clock = new MovableClock(Instant.parse("2026-11-24T02:00:00Z"));
    final Map<String, PublishedCalendar> store = new ConcurrentHashMap<>();
    final PublishedCalendarRepository repository = repository();
    final Calendars here = instance();
    final Calendars there = instance();

    PublishedCalendarRepository repository() {
        PublishedCalendarRepository calendars = mock(PublishedCalendarRepository.class);
        when(calendars.findById(anyString())).thenAnswer(call -> Optional.ofNullable(store.get(call
                .getArgument(0, String.class))));
        when(calendars.insert(any(PublishedCalendar.class))).thenAnswer(call -> {
            PublishedCalendar calendar = call.getArgument(0, PublishedCalendar.class);
            if (store.putIfAbsent(calendar.getId(), calendar) != null) {
                throw new DuplicateKeyException("calendar " + calendar.getId() + " exists");
            }
            return calendar;
        });
        when(calendars.save(any(PublishedCalendar.class))).thenAnswer(call -> {
            PublishedCalendar calendar = call.getArgument(0, PublishedCalendar.class);
            store.put(calendar.getId(), calendar);
            return calendar;
        });
        return calendars;
    }

    Calendars instance() {
        RoutingProperties.Calendar configured = new RoutingProperties.Calendar("Asia/Shanghai",
                List.of("09:00-12:00", "13:30-18:00"), List.of("SATURDAY", "SUNDAY"), List.of(), List.of());
        return new Calendars(repository, new RoutingProperties(3, configured, null, null, TTL),
                mock(ApplicationEventPublisher.class), clock);
    }

    static CalendarDefinition withHoliday() {
        return new CalendarDefinition("Asia/Shanghai", List.of("09:00-12:00", "13:30-18:00"),
                List.of("SATURDAY", "SUNDAY"), List.of(HOLIDAY.toString()), List.of());
    }

    @Test
    void whenTheCalendarIsUsedForEveryCaseThenTheStoreIsReadOncePerTtl() {
        for (int i = 0; i < 100; i++) {
            here.current();
            here.current(1);
        }

        verify(repository, times(1)).findById(Calendars.DEFAULT);
    }

    @Test
    void whenAVersionIsPublishedThroughThisInstanceThenTheNextDeadlinesUseIt() {
        assertThat(here.current().version()).isEqualTo(1);

        here.publish(withHoliday(), "admin");

        assertThat(here.current().version()).isEqualTo(2);
        assertThat(here.current().calendar().holidays()).contains(HOLIDAY);
    }

    @Test
    void whenAVersionIsPublishedThroughAnotherInstanceThenItIsUsedHereWithinTheTtl() {
        assertThat(here.current().version()).isEqualTo(1);

        there.publish(withHoliday(), "admin");
        assertThat(here.current().version()).isEqualTo(1);
        clock.move(TTL);

        assertThat(here.current().version()).isEqualTo(2);
    }

    @Test
    void whenACaseWasComputedOnANewerVersionThenThatVersionIsReadAtOnce() {
        assertThat(here.current().version()).isEqualTo(1);

        there.publish(withHoliday(), "admin");

        assertThat(here.current(2).version()).isEqualTo(2);
        assertThat(here.current().version()).isEqualTo(2);
    }
}

package org.hotline.routing.assignment;

import org.hotline.routing.deadlines.Calendars;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps open deadlines on the calendar in force: after a new version is published, and at start-up (which also
 * publishes the configured calendar if none was published yet, and finishes a recomputation a stop interrupted).
 */
@Component
class CalendarFollower {

    private final RoutingService routing;

    CalendarFollower(RoutingService routing) {
        this.routing = routing;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStartUp() {
        routing.recomputeOpenDeadlines();
    }

    @EventListener
    void calendarChanged(Calendars.CalendarChanged changed) {
        routing.recomputeOpenDeadlines();
    }
}

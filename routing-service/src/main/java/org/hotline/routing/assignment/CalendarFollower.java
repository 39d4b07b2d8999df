package org.hotline.routing.assignment;

import org.hotline.routing.deadlines.Calendars;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps open deadlines on the calendar in force: right after a new version is published here, at start-up (which
 * also publishes the configured calendar if none was published yet), and every few minutes, which finishes a
 * recomputation that a stop or a store outage interrupted, or that another instance started.
 */
@Component
class CalendarFollower {

    private static final Logger log = LoggerFactory.getLogger(CalendarFollower.class);

    private final RoutingService routing;

    CalendarFollower(RoutingService routing) {
        this.routing = routing;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStartUp() {
        recompute();
    }

    @EventListener
    void calendarChanged(Calendars.CalendarChanged changed) {
        recompute();
    }

    @Scheduled(initialDelayString = "${hotline.routing.calendar-check-interval:5m}",
            fixedDelayString = "${hotline.routing.calendar-check-interval:5m}")
    void recompute() {
        try {
            routing.recomputeOpenDeadlines();
        }
        catch (RuntimeException ex) {
            log.warn("Open deadlines not recomputed yet, retried later: {}", ex.getMessage());
        }
    }
}

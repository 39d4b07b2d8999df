package org.hotline.escalation.calendar;

import java.util.concurrent.atomic.AtomicReference;

import org.hotline.events.calendar.CalendarPublished;
import org.hotline.events.calendar.WorkingCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The working calendar in force: {@link WorkingCalendar#standard()} until routing-service publishes one on
 * {@code calendar.published}, then the highest version of the configured calendar id. The topic is compacted and read
 * from the beginning at every start, so the latest version is known shortly after start-up.
 */
@Component
public class WorkingCalendars {

    private static final Logger log = LoggerFactory.getLogger(WorkingCalendars.class);

    private record Version(int version, WorkingCalendar calendar) {
    }

    private final String calendarId;
    private final AtomicReference<Version> current = new AtomicReference<>(new Version(-1,
            WorkingCalendar.standard()));

    WorkingCalendars(@Value("${hotline.escalation.calendar-id:default}") String calendarId) {
        this.calendarId = calendarId;
    }

    /** The calendar in force now. */
    public WorkingCalendar current() {
        return current.get().calendar();
    }

    /** Takes a published calendar if it is ours and newer than the one in force. */
    void published(CalendarPublished published) {
        if (!calendarId.equals(published.calendarId()) || published.calendar() == null) {
            return;
        }
        Version next = new Version(published.version(), published.calendar());
        Version previous = current.getAndAccumulate(next, (now, candidate) -> candidate.version() > now.version()
                ? candidate : now);
        if (published.version() > previous.version()) {
            log.info("Working calendar {} version {} in force", calendarId, published.version());
        }
    }
}

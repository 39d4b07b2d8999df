package org.hotline.events.calendar;

import org.hotline.events.EventEnvelope;
import org.hotline.events.HotlineEvent;

/**
 * A version of the working calendar took effect. Reference data rather than a case fact: the record key and the
 * envelope's {@code caseId} are the calendar id (e.g. {@code calendar:default}), and the topic is compacted so that
 * a service starting up reads the latest version.
 *
 * @param calendarId e.g. {@code default}
 * @param version increases with every change
 * @param calendar the whole definition
 */
public record CalendarPublished(EventEnvelope envelope, String calendarId, int version, WorkingCalendar calendar)
        implements HotlineEvent {

    /** The record key and envelope case id of a calendar's events. */
    public static String key(String calendarId) {
        return "calendar:" + calendarId;
    }
}

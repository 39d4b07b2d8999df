package org.hotline.routing.deadlines;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.hotline.events.EventEnvelope;
import org.hotline.events.calendar.CalendarPublished;
import org.hotline.routing.calendar.CalendarDefinition;
import org.hotline.support.outbox.AggregateRoot;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A working calendar and every version it had; each new version is a CalendarPublished. */
@Document("calendars")
class PublishedCalendar extends AggregateRoot {

    /** One version as it was published. */
    record Version(int version, CalendarDefinition definition, Instant publishedAt, String publishedBy) {
    }

    @Id
    private String id;
    private List<Version> versions = new ArrayList<>();

    PublishedCalendar() {
    }

    PublishedCalendar(String id) {
        this.id = id;
    }

    /** Publishes a new version; the definition must be valid already. */
    Version publish(CalendarDefinition definition, String by, Instant now) {
        Version next = new Version(versions.size() + 1, definition, now, by);
        versions.add(next);
        raise(new CalendarPublished(EventEnvelope.first(CalendarPublished.key(id), now, "routing-service"), id,
                next.version(), definition.toCalendar()));
        return next;
    }

    Version current() {
        return versions.get(versions.size() - 1);
    }

    boolean isEmpty() {
        return versions.isEmpty();
    }

    List<Version> getVersions() {
        return List.copyOf(versions);
    }

    String getId() {
        return id;
    }
}

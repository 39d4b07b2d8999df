package org.hotline.routing.deadlines;

import java.time.Clock;
import java.util.List;

import org.hotline.events.calendar.WorkingCalendar;
import org.hotline.routing.calendar.CalendarDefinition;
import org.hotline.routing.config.ReferenceData;
import org.hotline.routing.config.RoutingProperties;
import org.hotline.support.outbox.RetryOnConflict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * The working calendar in force, versioned in MongoDB. The configured calendar becomes version 1 at the first start;
 * the admin API publishes later versions. Every instance computes on the current version from the store, kept as a
 * snapshot: a version published through this instance is used at once, one published through another instance
 * within {@code hotline.routing.reference-data-ttl}, or as soon as a case computed on it is changed here
 * ({@link #current(int)}). Cases assigned on an older version meanwhile are recomputed by the periodic check.
 */
@Service
public class Calendars {

    /** The calendar every deadline is computed on. */
    public static final String DEFAULT = "default";

    private static final Logger log = LoggerFactory.getLogger(Calendars.class);

    /** A calendar version to compute on. */
    public record InForce(int version, WorkingCalendar calendar) {
    }

    /** Published after a new version is stored, for the open deadlines to be recomputed. */
    public record CalendarChanged(int version) {
    }

    private final PublishedCalendarRepository calendars;
    private final RoutingProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ReferenceData<InForce> inForce;

    Calendars(PublishedCalendarRepository calendars, RoutingProperties properties, ApplicationEventPublisher events,
            Clock clock) {
        this.calendars = calendars;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
        this.inForce = new ReferenceData<>(clock, properties.referenceDataTtl(), known -> read());
    }

    /** The current version; publishes the configured calendar first if none was published yet. */
    public InForce current() {
        return inForce.get();
    }

    /**
     * The current version, read again if the snapshot is older than {@code atLeast} (the version a case was last
     * computed on, which another instance may have published a moment ago): a case never goes back to an older one.
     */
    public InForce current(int atLeast) {
        InForce known = inForce.get();
        if (known.version() >= atLeast) {
            return known;
        }
        inForce.invalidate();
        return inForce.get();
    }

    private InForce read() {
        PublishedCalendar calendar = calendars.findById(DEFAULT).filter(c -> !c.isEmpty())
                .orElseGet(this::publishConfigured);
        PublishedCalendar.Version version = calendar.current();
        return new InForce(version.version(), version.definition().toCalendar());
    }

    List<PublishedCalendar.Version> versions() {
        return calendars.findById(DEFAULT).map(PublishedCalendar::getVersions).orElse(List.of());
    }

    /** Publishes a new version and has the open deadlines recomputed on it. */
    @RetryOnConflict
    PublishedCalendar.Version publish(CalendarDefinition definition, String by) {
        definition.toCalendar();
        PublishedCalendar calendar = calendars.findById(DEFAULT).orElseGet(() -> new PublishedCalendar(DEFAULT));
        PublishedCalendar.Version version = calendar.publish(definition, by, clock.instant());
        calendars.save(calendar);
        inForce.invalidate();
        log.info("Working calendar version {} published by {}", version.version(), by);
        events.publishEvent(new CalendarChanged(version.version()));
        return version;
    }

    private PublishedCalendar publishConfigured() {
        CalendarDefinition definition = properties.calendar().definition();
        definition.toCalendar();
        PublishedCalendar calendar = new PublishedCalendar(DEFAULT);
        calendar.publish(definition, "configuration", clock.instant());
        try {
            PublishedCalendar saved = calendars.insert(calendar);
            log.info("Working calendar version 1 published from the configuration");
            return saved;
        }
        catch (DuplicateKeyException ex) {
            return calendars.findById(DEFAULT).orElseThrow();
        }
    }
}

package org.hotline.routing.config;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * An immutable snapshot of data that changes rarely (the rule table, the departments, the working calendar), read
 * from the store at most once per {@code ttl} instead of once per event.
 * <p>
 * Staleness: a change made through this instance calls {@link #invalidate()}, so the next read on this instance
 * sees it; a change made by another instance is seen at the latest {@code ttl} after it was stored, since a snapshot
 * is used only while the clock is within {@code ttl} after the moment its read began (a clock set back also makes
 * it read again). A read that raced with an invalidation is returned to its caller but not kept.
 *
 * @param <T> the snapshot's type; immutable
 */
public final class ReferenceData<T> {

    /** A value read at {@code readAt}; {@code readAt == null} marks a value that must be read again. */
    private record Snapshot<T>(T value, Instant readAt) {
    }

    private final Clock clock;
    private final Duration ttl;
    private final UnaryOperator<T> reader;
    private final AtomicReference<Snapshot<T>> current = new AtomicReference<>(new Snapshot<>(null, null));

    /**
     * @param reader reads the current value from the store; it is given the previous value (null at first), so it
     *        may check cheaply whether that one is still current and return it
     */
    public ReferenceData(Clock clock, Duration ttl, UnaryOperator<T> reader) {
        this.clock = clock;
        this.ttl = ttl;
        this.reader = reader;
    }

    /** The current value: the snapshot while it is fresh, else a new read. */
    public T get() {
        Snapshot<T> seen = current.get();
        Instant now = clock.instant();
        if (seen.readAt() != null && !now.isBefore(seen.readAt()) && now.isBefore(seen.readAt().plus(ttl))) {
            return seen.value();
        }
        T value = Objects.requireNonNull(reader.apply(seen.value()), "a reference data reader returned null");
        // kept only if nothing invalidated the snapshot meanwhile: a read begun before a change may miss it
        current.compareAndSet(seen, new Snapshot<>(value, now));
        return value;
    }

    /** Makes the next {@link #get()} read the store: call it after this instance changed the data. */
    public void invalidate() {
        current.set(new Snapshot<>(current.get().value(), null));
    }
}

package org.hotline.escalation.timers;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * The timers this instance expects to fall due soon, by due time then id: candidates only, the store decides. Each id
 * is held once, at the earliest time it was offered with: an entry that is too early costs one failed claim, one
 * that is too late would fire the step late. Thread-safe.
 */
final class DueTimers {

    private record Entry(Instant dueAt, String timerId) {
    }

    private final NavigableSet<Entry> byDue = new TreeSet<>(
            Comparator.comparing(Entry::dueAt).thenComparing(Entry::timerId));
    private final Map<String, Instant> dueAtById = new HashMap<>();

    /** Holds a timer as due at {@code dueAt}, unless it is held as due earlier already. */
    synchronized void offer(String timerId, Instant dueAt) {
        Instant held = dueAtById.get(timerId);
        if (held != null) {
            if (!dueAt.isBefore(held)) {
                return;
            }
            byDue.remove(new Entry(held, timerId));
        }
        byDue.add(new Entry(dueAt, timerId));
        dueAtById.put(timerId, dueAt);
    }

    /** Takes out the earliest timer due at {@code now}; null if none is. */
    synchronized String pollDue(Instant now) {
        if (byDue.isEmpty() || byDue.first().dueAt().isAfter(now)) {
            return null;
        }
        Entry first = byDue.pollFirst();
        dueAtById.remove(first.timerId());
        return first.timerId();
    }
}

package org.hotline.routing.calendar;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.hotline.events.calendar.Term;
import org.hotline.events.calendar.WorkingCalendar;
import org.hotline.events.routing.Deadlines;

/**
 * The deadlines of one assignment as a pure function of its terms, its start, the calendar and what happened to
 * its clock since (pauses while waiting on the caller, granted extensions). Recomputing it on a new calendar
 * version therefore gives the same answer on every instance and every replay.
 */
public final class DeadlineSchedule {

    /** Something that moved the clock, applied in time order. */
    public sealed interface Adjustment permits Pause, Extension {

        Instant at();
    }

    /**
     * The clock stood still from {@code from} to {@code to}: every deadline still ahead at {@code from} moves by the
     * paused working time (clock time for clock terms).
     */
    public record Pause(Instant from, Instant to) implements Adjustment {

        @Override
        public Instant at() {
            return from;
        }
    }

    /** A supervisor granted, at {@code at}, a new resolution deadline. */
    public record Extension(Instant at, Instant resolveBy) implements Adjustment {
    }

    private DeadlineSchedule() {
    }

    /**
     * The deadlines of an assignment.
     *
     * @param assignedAt the department's clock starts here (never inherits time another department used)
     * @param promisedFrom the case-level promise to the caller starts here (intake, or the rework)
     */
    public static Deadlines compute(Terms terms, Instant assignedAt, Instant promisedFrom, WorkingCalendar calendar,
            List<? extends Adjustment> adjustments) {
        Instant[] d = { from(terms.accept(), assignedAt, calendar), from(terms.onSite(), assignedAt, calendar),
                from(terms.handle(), assignedAt, calendar), from(terms.resolve(), assignedAt, calendar),
                from(terms.reply(), promisedFrom, calendar) };
        Term[] units = { terms.accept(), terms.onSite(), terms.handle(), terms.resolve(), terms.reply() };
        List<Adjustment> ordered = new ArrayList<>(adjustments);
        ordered.sort(Comparator.comparing(Adjustment::at));
        for (Adjustment adjustment : ordered) {
            if (adjustment instanceof Pause pause) {
                Duration working = calendar.workingTimeBetween(pause.from(), pause.to());
                Duration clock = Duration.between(pause.from(), pause.to());
                for (int i = 0; i < d.length; i++) {
                    if (d[i] != null && d[i].isAfter(pause.from())) {
                        d[i] = isClock(units[i]) ? d[i].plus(clock)
                                : working.isZero() ? d[i] : calendar.plusWorkingTime(d[i], working);
                    }
                }
            }
            else if (adjustment instanceof Extension extension) {
                d[3] = extension.resolveBy();
                if (d[4] != null && d[4].isBefore(extension.resolveBy())) {
                    d[4] = extension.resolveBy();
                }
            }
        }
        Instant callbackBy = d[4] == null ? null : from(terms.callback(), d[4], calendar);
        return new Deadlines(d[0], d[1], d[2], d[3], d[4], callbackBy);
    }

    private static Instant from(Term term, Instant start, WorkingCalendar calendar) {
        return term == null ? null : term.from(start, calendar);
    }

    private static boolean isClock(Term term) {
        return term.unit() == Term.Unit.CLOCK_HOURS || term.unit() == Term.Unit.CLOCK_MINUTES;
    }
}

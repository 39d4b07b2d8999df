package org.hotline.events.calendar;

import java.time.Duration;
import java.time.Instant;

/** A time limit: an amount of working hours, working days, or clock hours (emergencies run 24/7). */
public record Term(long amount, Unit unit) {

    public enum Unit {
        WORKING_HOURS, WORKING_DAYS, CLOCK_HOURS, CLOCK_MINUTES
    }

    public static Term workingHours(long hours) {
        return new Term(hours, Unit.WORKING_HOURS);
    }

    public static Term workingDays(long days) {
        return new Term(days, Unit.WORKING_DAYS);
    }

    public static Term clockHours(long hours) {
        return new Term(hours, Unit.CLOCK_HOURS);
    }

    public static Term clockMinutes(long minutes) {
        return new Term(minutes, Unit.CLOCK_MINUTES);
    }

    /** The deadline this term sets for something starting at {@code start}. */
    public Instant from(Instant start, WorkingCalendar calendar) {
        return switch (unit) {
            case WORKING_HOURS -> calendar.plusWorkingTime(start, Duration.ofHours(amount));
            case WORKING_DAYS -> calendar.plusWorkingDays(start, (int) amount);
            case CLOCK_HOURS -> start.plus(Duration.ofHours(amount));
            case CLOCK_MINUTES -> start.plus(Duration.ofMinutes(amount));
        };
    }
}

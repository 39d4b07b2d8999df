package org.hotline.events.routing;

/** Why an assignment's deadlines moved. */
public enum DeadlineChange {
    /** A supervisor granted an extension (延期). */
    EXTENSION,
    /** The clock resumed after the case waited on the caller. */
    RESUMED,
    /** A new version of the working calendar was published. */
    CALENDAR
}

package org.hotline.events;

/** A record that cannot be read as the event its topic carries; never worth retrying. */
public class EventFormatException extends RuntimeException {

    public EventFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}

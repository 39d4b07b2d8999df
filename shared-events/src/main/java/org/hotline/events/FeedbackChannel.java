package org.hotline.events;

/** How the caller wants to hear the result. */
public enum FeedbackChannel {
    PHONE, SMS, EMAIL, LETTER, IN_PERSON
}

package org.hotline.events;

/** The caller's answer at the satisfaction callback. */
public enum Satisfaction {
    SATISFIED, BASICALLY_SATISFIED, DISSATISFIED
}

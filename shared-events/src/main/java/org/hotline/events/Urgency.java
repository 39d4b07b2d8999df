package org.hotline.events;

/** General, complex (several departments) or emergency (straight to the command centre). */
public enum Urgency {
    NORMAL, COMPLEX, EMERGENCY
}

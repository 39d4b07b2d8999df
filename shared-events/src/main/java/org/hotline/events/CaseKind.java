package org.hotline.events;

/** What the caller wants, the first classification axis. */
public enum CaseKind {
    CONSULTATION, COMPLAINT, SUGGESTION, HELP_REQUEST, OTHER
}

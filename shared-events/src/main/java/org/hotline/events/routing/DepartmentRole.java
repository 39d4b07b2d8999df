package org.hotline.events.routing;

/** The part a department plays in a case: the lead handles and answers, assistants contribute. */
public enum DepartmentRole {
    LEAD, ASSIST
}

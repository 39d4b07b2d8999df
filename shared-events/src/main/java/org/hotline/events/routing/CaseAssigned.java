package org.hotline.events.routing;

import java.util.List;

import org.hotline.events.CaseKind;
import org.hotline.events.EventEnvelope;
import org.hotline.events.HotlineEvent;
import org.hotline.events.Urgency;

/**
 * A case was given to a lead department (and optional assisting departments), by a rule or by hand.
 *
 * @param ruleId the routing rule that chose the department, or {@code manual}
 * @param ruleVersion the version of the rule table at that time
 * @param bounceCount how many departments rejected the case before this assignment
 */
public record CaseAssigned(EventEnvelope envelope, String assignmentId, String departmentCode,
        List<String> assistingDepartments, CaseKind kind, Urgency urgency, String category, String ruleId,
        int ruleVersion, Deadlines deadlines, int bounceCount) implements HotlineEvent {
}

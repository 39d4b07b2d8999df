package org.hotline.events.routing;

import java.util.List;

import org.hotline.events.CaseKind;
import org.hotline.events.EventEnvelope;
import org.hotline.events.HotlineEvent;
import org.hotline.events.Urgency;

/**
 * A case was given to a lead department and optional assisting departments, by a rule or by hand. A later
 * CaseAssigned of the same case supersedes the earlier ones (compare {@code occurredAt}).
 *
 * @param assignmentId the lead department's assignment
 * @param departmentCode the lead department
 * @param assignments every department with its role and assignment id, the lead first
 * @param ruleId the routing rule that chose the departments, or {@code manual}, {@code transfer}, {@code reopen}
 * @param ruleVersion the version of the rule table at that time
 * @param calendarVersion the version of the working calendar the deadlines were computed on
 * @param deadlines every deadline as an absolute instant; each department's clock starts at its own assignment
 * @param bounceCount how many departments rejected the case before this assignment
 */
public record CaseAssigned(EventEnvelope envelope, String assignmentId, String departmentCode,
        List<AssignedDepartment> assignments, CaseKind kind, Urgency urgency, String category, String ruleId,
        int ruleVersion, int calendarVersion, Deadlines deadlines, int bounceCount, AssignmentReason reason)
        implements HotlineEvent {

    /** Every department of the assignment, the lead first. */
    @Override
    public List<String> departments() {
        return assignments == null ? List.of(departmentCode) : assignments.stream()
                .map(AssignedDepartment::departmentCode).toList();
    }

    /** The assisting departments' codes. */
    public List<String> assistingDepartments() {
        return assignments == null ? List.of()
                : assignments.stream().filter(d -> d.role() == DepartmentRole.ASSIST)
                        .map(AssignedDepartment::departmentCode).toList();
    }
}

package org.hotline.events.routing;

/**
 * One department's share of a case. Each has its own assignment and its own clock.
 *
 * @param assignmentId e.g. {@code <caseId>-A1} for the lead, {@code <caseId>-A1-S1} for an assistant
 */
public record AssignedDepartment(String assignmentId, String departmentCode, DepartmentRole role) {
}

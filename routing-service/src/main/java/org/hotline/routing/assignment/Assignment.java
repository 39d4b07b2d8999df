package org.hotline.routing.assignment;

import java.time.Instant;
import java.util.List;

import org.hotline.events.routing.Deadlines;

/** One department's assignment of a case; its clocks start at {@code assignedAt}. */
record Assignment(String id, String departmentCode, List<String> assistingDepartments, String ruleId,
        int ruleVersion, Instant assignedAt, Deadlines deadlines, AssignmentStatus status, String handlerId,
        Instant acceptedAt, String rejectionReason) {

    enum AssignmentStatus {
        PENDING, ACCEPTED, REJECTED, RESOLVED
    }

    Assignment accepted(String handler, Instant at) {
        return new Assignment(id, departmentCode, assistingDepartments, ruleId, ruleVersion, assignedAt, deadlines,
                AssignmentStatus.ACCEPTED, handler, at, null);
    }

    Assignment rejected(String reason) {
        return new Assignment(id, departmentCode, assistingDepartments, ruleId, ruleVersion, assignedAt, deadlines,
                AssignmentStatus.REJECTED, handlerId, acceptedAt, reason);
    }

    Assignment resolved() {
        return new Assignment(id, departmentCode, assistingDepartments, ruleId, ruleVersion, assignedAt, deadlines,
                AssignmentStatus.RESOLVED, handlerId, acceptedAt, rejectionReason);
    }
}

package org.hotline.escalation.supervision;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.hotline.events.escalation.EscalationLevel;

/**
 * Open escalations, counted.
 *
 * @param open how many escalations are open
 * @param byLevel open escalations per level
 * @param byDepartment open escalations per department ({@code -} for none: emergencies before assignment)
 * @param counts per level and department
 */
record Summary(long open, Map<EscalationLevel, Long> byLevel, Map<String, Long> byDepartment, List<Count> counts,
        Instant at) {

    record Count(EscalationLevel level, String departmentCode, long count) {
    }

    static Summary of(long open, List<Count> counts, Instant at) {
        Map<EscalationLevel, Long> byLevel = new TreeMap<>();
        Map<String, Long> byDepartment = new TreeMap<>();
        for (Count count : counts) {
            byLevel.merge(count.level(), count.count(), Long::sum);
            byDepartment.merge(count.departmentCode() == null ? "-" : count.departmentCode(), count.count(),
                    Long::sum);
        }
        return new Summary(open, byLevel, byDepartment, List.copyOf(counts), at);
    }
}

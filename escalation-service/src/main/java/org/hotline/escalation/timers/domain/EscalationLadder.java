package org.hotline.escalation.timers.domain;

import java.util.List;

/**
 * Who is notified at each rung when deadlines are missed: the first missed deadline of a case goes to the first
 * rung, the second to the second, and every one after the last rung to the last rung.
 */
public record EscalationLadder(List<String> rungs) {

    public EscalationLadder {
        if (rungs == null || rungs.isEmpty() || rungs.stream().anyMatch(r -> r == null || r.isBlank())) {
            throw new IllegalArgumentException("The escalation ladder needs at least one rung, none blank");
        }
        rungs = List.copyOf(rungs);
    }

    /** The ladder of the hotline's rules: department head, then hotline supervisor, then leadership. */
    public static EscalationLadder standard() {
        return new EscalationLadder(List.of("DEPARTMENT_HEAD", "HOTLINE_SUPERVISOR", "LEADERSHIP"));
    }

    /** Who is notified at the given level (1 = first rung). */
    public String recipient(int level) {
        if (level < 1) {
            throw new IllegalArgumentException("Levels start at 1, not " + level);
        }
        return rungs.get(Math.min(level, rungs.size()) - 1);
    }
}

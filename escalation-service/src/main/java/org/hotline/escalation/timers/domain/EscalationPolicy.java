package org.hotline.escalation.timers.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.hotline.events.Milestone;
import org.hotline.events.calendar.WorkingCalendar;
import org.hotline.events.escalation.EscalationLevel;

/**
 * The escalation rules: a ladder per milestone, who is told at each level, and how emergencies repeat.
 *
 * @param ladders the ladder of each milestone; a milestone without one uses {@link #FALLBACK}
 * @param recipients who is told at each level; {@code DEPARTMENT} stands for the department concerned
 * @param emergencyRepeat how often an emergency alert repeats until a department accepts
 * @param emergencyChain who an emergency goes to: the first alert to the first entry, each repeat adds the next
 */
public record EscalationPolicy(Map<Milestone, LadderPolicy> ladders, Map<EscalationLevel, List<String>> recipients,
        Duration emergencyRepeat, List<String> emergencyChain) {

    /** The ladder of a milestone nobody configured: 80 % reminder, overdue, +1 day supervisor, +3 days leadership. */
    public static final LadderPolicy FALLBACK = new LadderPolicy(0.8, Duration.ofHours(8), Duration.ofHours(24));

    /** The placeholder in {@link #recipients} for the department concerned. */
    public static final String DEPARTMENT = "DEPARTMENT";

    static final Map<EscalationLevel, List<String>> STANDARD_RECIPIENTS = Map.of(
            EscalationLevel.REMINDER, List.of(DEPARTMENT),
            EscalationLevel.OVERDUE, List.of(DEPARTMENT),
            EscalationLevel.SUPERVISOR, List.of("SUPERVISOR", DEPARTMENT),
            EscalationLevel.LEADERSHIP, List.of("LEADERSHIP", "SUPERVISOR", DEPARTMENT),
            EscalationLevel.COMMAND_CENTER, List.of("COMMAND_CENTER"));

    public EscalationPolicy {
        ladders = ladders == null ? Map.of() : Map.copyOf(ladders);
        Map<EscalationLevel, List<String>> merged = new EnumMap<>(STANDARD_RECIPIENTS);
        if (recipients != null) {
            recipients.forEach((level, who) -> {
                if (who != null && !who.isEmpty()) {
                    merged.put(level, List.copyOf(who));
                }
            });
        }
        recipients = Map.copyOf(merged);
        if (emergencyRepeat == null || emergencyRepeat.isNegative() || emergencyRepeat.isZero()) {
            throw new IllegalArgumentException("The emergency repeat interval must be positive");
        }
        emergencyChain = emergencyChain == null || emergencyChain.isEmpty() ? List.of("COMMAND_CENTER")
                : List.copyOf(emergencyChain);
    }

    /** The steps of a milestone's ladder for a window. */
    public List<Step> steps(Milestone milestone, Instant windowStart, Instant deadline, ClockKind clock,
            WorkingCalendar calendar) {
        return ladders.getOrDefault(milestone, FALLBACK).steps(windowStart, deadline, clock, calendar);
    }

    /** Who is told at a level about a department's milestone. */
    public List<String> recipients(EscalationLevel level, String departmentCode) {
        List<String> who = new ArrayList<>();
        for (String recipient : recipients.get(level)) {
            if (!DEPARTMENT.equals(recipient)) {
                who.add(recipient);
            }
            else if (departmentCode != null) {
                who.add("DEPARTMENT:" + departmentCode);
            }
        }
        return List.copyOf(who);
    }

    /** Who the {@code repeat}-th emergency alert goes to (0 = the first alert): one more rung of the chain each time. */
    public List<String> emergencyRecipients(int repeat) {
        return emergencyChain.subList(0, Math.min(repeat + 1, emergencyChain.size()));
    }

    /** When the {@code repeat}-th emergency alert is due. */
    public Instant emergencyRepeatAt(Instant openedAt, int repeat) {
        return openedAt.plus(emergencyRepeat.multipliedBy(repeat));
    }
}

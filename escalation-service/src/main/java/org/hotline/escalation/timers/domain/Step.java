package org.hotline.escalation.timers.domain;

import java.time.Instant;

import org.hotline.events.escalation.EscalationLevel;

/**
 * One step of a milestone's ladder.
 *
 * @param level the rung
 * @param at when it is due: on working-hour clocks already moved to working time
 */
public record Step(EscalationLevel level, Instant at) {
}

package org.hotline.escalation.timers;

import java.time.Duration;
import java.util.List;

import org.hotline.escalation.timers.domain.EscalationLadder;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Escalation settings.
 *
 * @param pollInterval how often due deadline timers are looked for; a missed deadline is escalated at most this
 *        long after it passed
 * @param batchSize how many cases one look fires at most before it looks again
 * @param ladder who is notified for the first, second, … missed deadline of a case; the last rung takes every
 *        further one
 * @param commandCentre who receives emergencies (應急指揮中心)
 */
@ConfigurationProperties("hotline.escalation")
record EscalationProperties(@DefaultValue("1s") Duration pollInterval, @DefaultValue("100") int batchSize,
        @DefaultValue({ "DEPARTMENT_HEAD", "HOTLINE_SUPERVISOR", "LEADERSHIP" }) List<String> ladder,
        @DefaultValue("COMMAND_CENTRE") String commandCentre) {

    EscalationLadder escalationLadder() {
        return new EscalationLadder(ladder);
    }
}

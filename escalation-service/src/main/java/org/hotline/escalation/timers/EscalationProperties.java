package org.hotline.escalation.timers;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.hotline.escalation.timers.domain.EscalationPolicy;
import org.hotline.escalation.timers.domain.LadderPolicy;
import org.hotline.events.Milestone;
import org.hotline.events.escalation.EscalationLevel;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Escalation settings, under {@code hotline.escalation}.
 *
 * @param pollInterval how often due timers are looked for: a step fires at most this long after it is due
 * @param batchSize how many steps one look fires at most before it looks again
 * @param claimLease how long an instance holds a timer it is firing; after a crash another instance fires it once
 *        the lease ran out
 * @param scanInterval how often the store is scanned for open timers this instance does not hold in memory (written
 *        by another instance, or before a restart); such a timer fires at most this long after it is due
 * @param ladder the ladder of each milestone (see {@link LadderPolicy})
 * @param recipients who is told at each level; {@code DEPARTMENT} stands for the department concerned
 * @param emergency how emergencies repeat until a department accepts
 * @param emergencyPlans the emergency plan (應急預案) named for each category; the {@code default} entry for others
 * @param afterActionReview when the after-action review of an emergency is due
 */
@ConfigurationProperties("hotline.escalation")
record EscalationProperties(@DefaultValue("1s") Duration pollInterval, @DefaultValue("100") int batchSize,
        @DefaultValue("30s") Duration claimLease, @DefaultValue("30s") Duration scanInterval, Map<Milestone, LadderPolicy> ladder,
        Map<EscalationLevel, List<String>> recipients, @DefaultValue Emergency emergency,
        Map<String, String> emergencyPlans, @DefaultValue AfterActionReview afterActionReview) {

    /**
     * @param repeatEvery how often the alert repeats, one rung further up the chain, until a department accepts
     * @param chain who is alerted: the first alert to the first entry, each repeat adds the next
     */
    record Emergency(@DefaultValue("15m") Duration repeatEvery,
            @DefaultValue({ "COMMAND_CENTER", "LEADERSHIP" }) List<String> chain) {
    }

    /** @param workingDays the review is due this many working days after the resolution */
    record AfterActionReview(@DefaultValue("5") int workingDays) {
    }

    EscalationProperties {
        if (scanInterval.isNegative() || scanInterval.isZero()) {
            throw new IllegalArgumentException("hotline.escalation.scan-interval must be positive");
        }
    }

    /**
     * How far ahead timers are held in memory: two scan intervals and a poll interval, so that a timer is held
     * before it falls due even when a scan runs late by a poll or a slow batch.
     */
    Duration scanHorizon() {
        return scanInterval.multipliedBy(2).plus(pollInterval);
    }

    EscalationPolicy policy() {
        return new EscalationPolicy(ladder, recipients, emergency.repeatEvery(), emergency.chain());
    }

    /** The plan named for a category's emergencies. */
    String emergencyPlan(String category) {
        Map<String, String> plans = emergencyPlans == null ? Map.of() : emergencyPlans;
        if (category != null && plans.containsKey(category)) {
            return plans.get(category);
        }
        return plans.getOrDefault("default", "GENERAL_EMERGENCY_PLAN");
    }
}

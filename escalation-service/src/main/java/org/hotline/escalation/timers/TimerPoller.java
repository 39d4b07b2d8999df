package org.hotline.escalation.timers;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Looks for passed deadlines every {@code hotline.escalation.poll-interval} and escalates their cases. */
@Component
class TimerPoller {

    private final EscalationService escalation;

    TimerPoller(EscalationService escalation) {
        this.escalation = escalation;
    }

    @Scheduled(fixedDelayString = "${hotline.escalation.poll-interval:1s}",
            initialDelayString = "${hotline.escalation.poll-interval:1s}")
    void poll() {
        escalation.fireDueTimers();
    }
}

package org.hotline.escalation.timers;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Looks for passed deadlines every {@code hotline.escalation.poll-interval} and escalates their cases. */
@Component
class TimerPoller {

    private static final Logger log = LoggerFactory.getLogger(TimerPoller.class);

    private final EscalationService escalation;

    TimerPoller(EscalationService escalation) {
        this.escalation = escalation;
    }

    @Scheduled(fixedDelayString = "${hotline.escalation.poll-interval:1s}",
            initialDelayString = "${hotline.escalation.poll-interval:1s}")
    void poll() {
        try {
            escalation.fireDueTimers();
        }
        catch (DataAccessException ex) {
            // the timers stay in the store: nothing is lost, the next poll fires them
            log.warn("Cannot look for passed deadlines, trying again at the next poll: {}", ex.getMessage());
        }
    }
}

package org.hotline.escalation.timers;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Fires due timers every {@code hotline.escalation.poll-interval}, the first time right at start-up, so that timers
 * that fell due while the service was down fire at once, in due order.
 */
@Component
class TimerPoller {

    private static final Logger log = LoggerFactory.getLogger(TimerPoller.class);

    private final TimerFiring firing;

    TimerPoller(TimerFiring firing) {
        this.firing = firing;
    }

    @Scheduled(fixedDelayString = "${hotline.escalation.poll-interval:1s}", initialDelay = 0)
    void poll() {
        try {
            List<String> fired;
            do {
                fired = firing.fireDue();
            }
            while (!fired.isEmpty());
        }
        catch (RuntimeException ex) {
            // the timers stay in the store: nothing is lost, the next poll fires them
            log.warn("Cannot fire due timers now, trying again at the next poll: {}", ex.toString());
        }
    }
}

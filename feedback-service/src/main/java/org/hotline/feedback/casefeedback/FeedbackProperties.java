package org.hotline.feedback.casefeedback;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Min;

/**
 * The feedback desk's settings.
 *
 * @param reopenLimit how many times an unsatisfied caller can send a case back to the department; the next time it
 *        goes to a supervisor
 * @param unreachableAttempts on how many different days a caller must have been tried in vain before the case
 *        closes as unreachable
 * @param zone the time zone whose calendar days count callback attempts
 * @param deliveryInterval how often cases due for feedback are picked up for the gateways
 * @param deliveryLease how long one instance holds a case while it tries the gateways
 * @param scanInterval how often the dispatcher reads every feedback case for those due, besides the cases this
 *        instance made due itself (which it takes up at once): the safety net for cases another instance made due
 *        before it died, and for a delivery run that failed; such a case waits at most this long
 * @param recentCases how many cases this instance keeps in memory as its event handling last saved them, so that the
 *        next event of such a case needs no read from the store (0: none)
 */
@Validated
@ConfigurationProperties("hotline.feedback")
record FeedbackProperties(@DefaultValue("2") @Min(0) int reopenLimit, @DefaultValue("3") @Min(1) int unreachableAttempts,
        @DefaultValue("Asia/Shanghai") ZoneId zone, @DefaultValue("1s") Duration deliveryInterval,
        @DefaultValue("2m") Duration deliveryLease, @DefaultValue("30s") Duration scanInterval,
        @DefaultValue("2000") @Min(0) int recentCases) {
}

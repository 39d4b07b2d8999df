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
 */
@Validated
@ConfigurationProperties("hotline.feedback")
record FeedbackProperties(@DefaultValue("2") @Min(0) int reopenLimit, @DefaultValue("3") @Min(1) int unreachableAttempts,
        @DefaultValue("Asia/Shanghai") ZoneId zone, @DefaultValue("1s") Duration deliveryInterval,
        @DefaultValue("2m") Duration deliveryLease) {
}
